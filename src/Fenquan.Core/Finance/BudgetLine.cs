using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// One line of a unit's budget for a year, keyed by its economic classification code (30211 差旅费 …).
/// Its amount is what the finance bureau approved; made only by <see cref="Budget.Import"/>. It rises
/// only by approved budget-raise matters (<see cref="RaiseBy"/>), each routed by the unit's policy.
/// </summary>
public sealed class BudgetLine
{
    public const int MaxName = 50;

    private BudgetLine()
    {
        Code = Name = string.Empty;
    }

    internal BudgetLine(Budget budget, string code, string name, decimal amount)
    {
        Id = Guid.CreateVersion7();
        BudgetId = budget.Id;
        CountyId = budget.CountyId;
        UnitId = budget.UnitId;
        Year = budget.Year;
        Code = code;
        Name = name;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public Guid BudgetId { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The economic classification code (<see cref="EconomicClassification"/>).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Yuan approved for the year.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Yuan the line was raised by since, by approved budget-raise matters (R4–R6).</summary>
    public decimal Raised { get; private set; }

    /// <summary>What the line may spend: the approved amount and its raises.</summary>
    public decimal Total => Amount + Raised;

    /// <summary>
    /// R4–R6: a budget-raise matter charged to this line, once approved along its route (never by one
    /// person alone), raises it by what was approved — what a meeting decided, else its amount.
    /// </summary>
    public Outcome RaiseBy(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Kind != MatterKind.BudgetRaise || matter.State != MatterState.Approved || matter.UnitId != UnitId || matter.BudgetCode != Code)
        {
            return Refusal.Because("R4", "RaiseNotApproved", "Only an approved budget-raise matter charged to {line} raises it.", ("line", ToString()));
        }

        Raised += matter.DecidedTerms?.Amount ?? matter.Amount;
        return Outcome.Ok;
    }

    public override string ToString() => $"{Code} {Name}";
}

using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// One line of a unit's budget for a year, keyed by its economic classification code (30211 差旅费 …).
/// Its amount is what the finance bureau approved; made only by <see cref="Budget.Import"/>.
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

    public override string ToString() => $"{Code} {Name}";
}

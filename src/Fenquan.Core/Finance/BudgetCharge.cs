using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// The budget line a money matter is charged to (R4), named when it is submitted: a line of the
/// unit's confirmed budget for the year of submission. Its approval is then checked against the
/// line's balance (<see cref="BudgetPosition.CheckApproval"/>). A row of its own, never changed.
/// </summary>
public sealed class BudgetCharge
{
    private BudgetCharge()
    {
        Code = string.Empty;
    }

    private BudgetCharge(Matter matter, BudgetLine line)
    {
        Id = Guid.CreateVersion7();
        CountyId = matter.CountyId;
        UnitId = matter.UnitId;
        MatterId = matter.Id;
        BudgetLineId = line.Id;
        Year = line.Year;
        Code = line.Code;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    public Guid BudgetLineId { get; private set; }

    public int Year { get; private set; }

    public string Code { get; private set; }

    /// <summary>
    /// Charges <paramref name="matter"/> to the line <paramref name="code"/> of its unit's budget
    /// for the year it is submitted (<paramref name="line"/>: that line of the confirmed budget, or
    /// null when there is none). Refused for a matter without an amount, an unknown code, or a line
    /// the unit's confirmed budget does not have.
    /// </summary>
    /// <summary>R4: a budget-raise matter names the line it raises (its title gives the reason); refused without one.</summary>
    public static Outcome CheckRaiseNamesLine(Matter matter, string? code)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.Kind != MatterKind.BudgetRaise || !string.IsNullOrWhiteSpace(code)
            ? Outcome.Ok
            : Refusal.Because("R4", "RaiseNamesLine", "A budget raise names the budget line it raises, the amount and the reason.");
    }

    public static Result<BudgetCharge> Name(Matter matter, string? code, BudgetLine? line)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var year = matter.SubmittedOn.Year.ToString(CultureInfo.InvariantCulture);
        if (!MatterRules.RequiresAmount(matter.Kind))
        {
            return Refusal.Because(Refusal.InvalidId, "ChargeNotSpending", "Only a matter that spends money is charged to a budget line.");
        }

        if (matter.Kind == MatterKind.BudgetRaise && !matter.Payee.IsNone)
        {
            return Refusal.Because(Refusal.InvalidId, "RaisePaysNobody", "A budget raise pays nobody: it names the line, the amount and the reason.");
        }

        if (!EconomicClassification.IsKnown(code?.Trim()))
        {
            return Refusal.Because("R4", "UnknownEconomicCode", "{code} is not an economic classification code (30201 办公费, 30211 差旅费 …).", ("code", code ?? string.Empty));
        }

        if (line is null || line.UnitId != matter.UnitId || line.Year != matter.SubmittedOn.Year || line.Code != code!.Trim())
        {
            return Refusal.Because("R4", "NoBudgetLine", "The unit has no confirmed {year} budget line {code}; spending is charged to a line of the confirmed budget.",
                ("year", year), ("code", code!.Trim()));
        }

        matter.ChargeTo(line.Code);
        return Result<BudgetCharge>.Ok(new BudgetCharge(matter, line));
    }
}

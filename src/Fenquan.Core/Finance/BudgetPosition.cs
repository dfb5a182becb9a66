using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// Where a budget line stands (R4): its budget, the commitments (approved matters charged to it,
/// not yet paid), what was paid, and the balance left: budget − commitments − paid.
/// </summary>
public sealed record BudgetPosition(BudgetLine Line, decimal Commitments, decimal Paid)
{
    public decimal Budget => Line.Total;

    public decimal Balance => Line.Total - Commitments - Paid;

    /// <summary>
    /// The line's position from the approved matters charged to it: what each may pay (the approved
    /// amount, or what a meeting decided) and what was paid on it.
    /// </summary>
    public static BudgetPosition Of(BudgetLine line, IEnumerable<(decimal Payable, decimal Paid)> approved)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(approved);
        decimal commitments = 0m, paid = 0m;
        foreach (var (payable, done) in approved)
        {
            commitments += Math.Max(0m, payable - done);
            paid += done;
        }

        return new(line, commitments, paid);
    }

    /// <summary>
    /// R4: approving <paramref name="payable"/> on this line (its position without the matter being
    /// approved) must not take the line below zero; refused naming the line, its balance and the year.
    /// </summary>
    public Outcome CheckApproval(decimal payable) =>
        payable <= Balance
            ? Outcome.Ok
            : Refusal.Because("R4", "BudgetLineExceeded", "Approving {amount} would take the {year} budget line {line} below zero: its balance is {balance}. Raise the line by a budget adjustment first.",
                RefusalArgument.Amount("amount", payable), ("year", Line.Year.ToString(CultureInfo.InvariantCulture)), ("line", Line.ToString()), RefusalArgument.Amount("balance", Balance));
}

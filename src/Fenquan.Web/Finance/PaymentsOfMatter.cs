using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>
/// A matter's payments against what may be paid: the approved amount, or the amount a meeting
/// decided (R42, R43), or a purchase's result amount, paid to the result's supplier (R18).
/// </summary>
public sealed record PaymentsOfMatter(decimal Payable, decimal Paid, IReadOnlyList<Payment> Payments, Core.Matters.Payee? ResultSupplier = null)
{
    public bool ByResult => ResultSupplier is not null;

    public decimal Left => Math.Max(0m, Payable - Paid);
}

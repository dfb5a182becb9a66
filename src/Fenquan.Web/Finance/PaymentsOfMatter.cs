using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>
/// A matter's payments against what may be paid: the approved amount, or the amount a meeting
/// decided (R42, R43), or a purchase's result amount, paid to the result's supplier (R18); with the
/// reversals requested on them (R7), confirmed or waiting.
/// </summary>
public sealed record PaymentsOfMatter(decimal Payable, decimal Paid, IReadOnlyList<Payment> Payments, Core.Matters.Payee? ResultSupplier = null, IReadOnlyList<PaymentReversal>? Reversals = null)
{
    /// <summary>The reversal requested on <paramref name="payment"/>, or null.</summary>
    public PaymentReversal? ReversalOf(Guid payment) => Reversals?.FirstOrDefault(r => r.PaymentId == payment);

    public bool ByResult => ResultSupplier is not null;

    public decimal Left => Math.Max(0m, Payable - Paid);
}

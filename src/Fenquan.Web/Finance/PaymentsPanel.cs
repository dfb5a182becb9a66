using Fenquan.Core.Finance;
using Fenquan.Core.Matters;

namespace Fenquan.Web.Finance;

/// <summary>
/// The payment panel of a matter's page: its payments, whether the viewer is offered the payment
/// step, and which payments they are offered to reverse and which reversals to confirm (R7);
/// <see cref="Typed"/> is the payment form as last typed when it was refused, so nothing is lost.
/// </summary>
public sealed record PaymentsPanel(Matter Matter, PaymentsOfMatter Payments, bool MayPay, Func<Payment, bool>? MayReverse = null, Func<PaymentReversal, bool>? MayConfirm = null, PaymentTyped? Typed = null)
{
    public bool OffersReversal(Payment payment) => MayReverse?.Invoke(payment) ?? false;

    public bool OffersConfirmation(PaymentReversal reversal) => MayConfirm?.Invoke(reversal) ?? false;
}

/// <summary>The payment form as typed: the amount as text, the method and the reference.</summary>
public sealed record PaymentTyped(string? Amount, PaymentMethod? Method, string? Reference);

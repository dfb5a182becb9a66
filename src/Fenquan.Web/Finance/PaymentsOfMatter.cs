using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>A matter's payments against what may be paid: the approved amount, or the amount a meeting decided (R42, R43).</summary>
public sealed record PaymentsOfMatter(decimal Payable, decimal Paid, IReadOnlyList<Payment> Payments)
{
    public decimal Left => Math.Max(0m, Payable - Paid);
}

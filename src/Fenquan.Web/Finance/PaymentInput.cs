using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>A payment as the finance staff enter it; the payee defaults to the approved (or decided) one.</summary>
public sealed class PaymentInput
{
    public decimal? Amount { get; set; }

    public PaymentMethod? Method { get; set; }

    public string? Reference { get; set; }

    public DateOnly? PaidOn { get; set; }

    public Guid? PayeePersonId { get; set; }

    public Guid? PayeeCounterpartyId { get; set; }

    /// <summary>A counterparty by its registered name or code (R6: resolved against the register).</summary>
    public string? PayeeName { get; set; }
}

using Fenquan.Core.Procurement;

namespace Fenquan.Web.Procurement;

/// <summary>The centre's or tender's result as the office or the procurement deputy enter it (R18).</summary>
public sealed class PurchaseResultInput
{
    public string? Reference { get; set; }

    public ProcurementMethod? Method { get; set; }

    public Guid? SupplierCounterpartyId { get; set; }

    /// <summary>The supplier by its registered name or credit code (resolved against the register).</summary>
    public string? SupplierName { get; set; }

    public decimal? Amount { get; set; }

    public DateOnly? ResultOn { get; set; }
}

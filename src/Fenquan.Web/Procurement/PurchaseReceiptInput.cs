namespace Fenquan.Web.Procurement;

/// <summary>A receipt (验收) as it is entered (R16).</summary>
public sealed class PurchaseReceiptInput
{
    public DateOnly? ReceivedOn { get; set; }

    public string? Note { get; set; }
}

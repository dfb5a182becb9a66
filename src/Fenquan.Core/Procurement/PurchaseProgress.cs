namespace Fenquan.Core.Procurement;

/// <summary>
/// What a purchase plan has after its approval: the centre's or tender's result (R18, catalogue
/// purchases only) and the receipt (验收, R16). The payment step reads it
/// (<see cref="Finance.Payment.Record"/>): no receipt, no payment; after a result, only the
/// supplier and at most the result's amount.
/// </summary>
public sealed record PurchaseProgress(PurchaseResult? Result, PurchaseReceipt? Receipt)
{
    public static PurchaseProgress None { get; } = new(null, null);
}

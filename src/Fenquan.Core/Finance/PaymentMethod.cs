namespace Fenquan.Core.Finance;

/// <summary>How a payment left the unit; each names the reference the finance staff record with it.</summary>
public enum PaymentMethod
{
    /// <summary>国库集中支付: paid by the treasury from the unit's budget; the reference is the payment order's number.</summary>
    TreasuryDirect,

    /// <summary>公务卡: settled on an official card; the reference is the card transaction's number.</summary>
    OfficialCard,

    /// <summary>银行转账: a bank transfer from the unit's account; the reference is the bank's transaction number.</summary>
    BankTransfer,
}

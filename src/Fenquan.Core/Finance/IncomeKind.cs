namespace Fenquan.Core.Finance;

/// <summary>What kind of money came in, as the quarterly statement shows it (R9).</summary>
public enum IncomeKind
{
    /// <summary>财政拨款: appropriated by the finance bureau.</summary>
    Appropriation,

    /// <summary>非税收入: fees, fines and other non-tax revenue.</summary>
    NonTaxRevenue,

    /// <summary>其他收入.</summary>
    Other,
}

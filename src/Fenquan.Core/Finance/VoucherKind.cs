namespace Fenquan.Core.Finance;

/// <summary>The kinds of invoice a claim carries, each keyed as the tax authority numbers it.</summary>
public enum VoucherKind
{
    /// <summary>增值税发票: a 10- or 12-digit invoice code and an 8-digit number.</summary>
    Invoice,

    /// <summary>数电票 (全面数字化的电子发票): a 20-digit number, no code.</summary>
    DigitalInvoice,
}

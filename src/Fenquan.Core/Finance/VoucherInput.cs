namespace Fenquan.Core.Finance;

/// <summary>
/// An invoice as printed on it: an invoice code and number (增值税发票), or only the 20-digit
/// number of a fully digital invoice (数电票, no code).
/// </summary>
public sealed record VoucherInput(string? InvoiceCode, string? Number);

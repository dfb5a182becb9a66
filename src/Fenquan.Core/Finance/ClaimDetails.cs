namespace Fenquan.Core.Finance;

/// <summary>A claim's line items and vouchers as the claimant enters them (see <see cref="Claim"/>).</summary>
public sealed record ClaimDetails(IReadOnlyList<ClaimLineInput> Lines, IReadOnlyList<VoucherInput> Vouchers);

/// <summary>One line of a claim: what was bought or spent on, how many, at what unit price, and the line's amount.</summary>
public sealed record ClaimLineInput(string? Category, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>
/// An invoice as printed on it: an invoice code and number (增值税发票), or only the 20-digit
/// number of a fully digital invoice (数电票, no code).
/// </summary>
public sealed record VoucherInput(string? InvoiceCode, string? Number);

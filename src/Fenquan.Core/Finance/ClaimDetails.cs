namespace Fenquan.Core.Finance;

/// <summary>A claim's line items and vouchers as the claimant enters them (see <see cref="Claim"/>).</summary>
public sealed record ClaimDetails(IReadOnlyList<ClaimLineInput> Lines, IReadOnlyList<VoucherInput> Vouchers);

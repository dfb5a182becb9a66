namespace Fenquan.Core.Finance;

/// <summary>A claim's line items and vouchers as the claimant enters them (see <see cref="Claim"/>).</summary>
public sealed record ClaimDetails(IReadOnlyList<ClaimLineInput> Lines, IReadOnlyList<VoucherInput> Vouchers)
{
    /// <summary>A reception claim's request and attendees (R31); null on other claims.</summary>
    public Reception.ReceptionClaimFacts? Reception { get; init; }
}

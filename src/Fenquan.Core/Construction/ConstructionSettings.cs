using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// The county's construction settings [design], frozen on each project when it is proposed (as a
/// policy is frozen on a matter, R41): the share of the contract beyond which the cumulative
/// variation orders need a collective decision (default 10 %), the days the winning candidates are
/// publicly noticed (at least 3, 《招标投标法实施条例》第五十四条), and the share of the contract and its
/// approved variations payable before the settlement audit (default 80 %, within the 60–90 % of
/// 《建设工程价款结算暂行办法》). Retention money is at most 3 % of the settlement
/// (《建设工程质量保证金管理办法》第七条).
/// </summary>
public sealed record ConstructionSettings
{
    public const decimal MaxRetentionRate = 0.03m;

    public static ConstructionSettings Default { get; } = new();

    public decimal VariationShare { get; init; } = 0.10m;

    public int NoticeDays { get; init; } = 3;

    public decimal ProgressShare { get; init; } = 0.80m;

    /// <summary>Refused when a setting is out of its range (checked at start).</summary>
    public Outcome Check() =>
        VariationShare is <= 0m or > 1m || decimal.Round(VariationShare, 2) != VariationShare ? Refusal.Because(Refusal.InvalidId, "VariationShareSetting", "Fenquan:Construction:VariationShare is a share above 0 and at most 1 (0.10 for 10 %), in hundredths.")
        : NoticeDays < 3 ? Refusal.Because(Refusal.InvalidId, "NoticeDaysSetting", "Fenquan:Construction:NoticeDays is at least 3: the winning candidates are noticed for at least three days.")
        : ProgressShare is <= 0m or > 1m || decimal.Round(ProgressShare, 2) != ProgressShare ? Refusal.Because(Refusal.InvalidId, "ProgressShareSetting", "Fenquan:Construction:ProgressShare is a share above 0 and at most 1, in hundredths.")
        : Outcome.Ok;
}

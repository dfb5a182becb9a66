using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// The county's settings for the red flags of R47 [design: configurable]. The split-purchase window
/// is counted in days of submission, both ends included: a purchase submitted <see cref="WindowDays"/>
/// days before another is in its window, one a day earlier is not.
/// </summary>
public sealed record FlagSettings
{
    public static FlagSettings Default { get; } = new();

    /// <summary>Days back from a purchase's day of submission that still count for a split purchase (default 30).</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>The share of a limit from which an amount hugs it (default 0.90: [90 %, 100 %] of the limit).</summary>
    public decimal HuggingShare { get; init; } = 0.90m;

    /// <summary>An approval at most this many seconds after submission is flagged (default 60).</summary>
    public int FastApprovalSeconds { get; init; } = 60;

    /// <summary>A counterparty winning more than this share of a unit's purchases in a year is flagged (default 0.50).</summary>
    public decimal RepeatedSupplierShare { get; init; } = 0.50m;

    /// <summary>…and at least this many of them (default 5), so that a unit's second purchase of the year is not flagged.</summary>
    public int RepeatedSupplierMinimum { get; init; } = 5;

    /// <summary>R47: settings that make sense, or the first that does not.</summary>
    public Outcome Check() =>
        WindowDays is < 0 or > 3660 ? Refusal.Because(Refusal.InvalidId, "FlagWindow", "Flags: the split-purchase window is 0 to 3,660 days.")
        : HuggingShare is <= 0m or > 1m ? Refusal.Because(Refusal.InvalidId, "FlagHuggingShare", "Flags: the hugging share is above 0 and at most 1.")
        : FastApprovalSeconds is < 0 or > 86_400 ? Refusal.Because(Refusal.InvalidId, "FlagFastApproval", "Flags: the fast-approval interval is 0 to 86,400 seconds.")
        : RepeatedSupplierShare is <= 0m or >= 1m ? Refusal.Because(Refusal.InvalidId, "FlagRepeatedShare", "Flags: the repeated-supplier share is above 0 and below 1.")
        : RepeatedSupplierMinimum < 1 ? Refusal.Because(Refusal.InvalidId, "FlagRepeatedMinimum", "Flags: the repeated-supplier minimum is at least 1.")
        : Outcome.Ok;
}

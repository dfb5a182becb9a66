using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// A red flag on a matter (R47): raised at submission (split purchase, threshold hugging, repeated
/// supplier) or at approval (fast approval), stored with the matter and shown to everyone who sees
/// it. A flag never blocks: the matter goes on. It is cleared once, with a written reason, by someone
/// <see cref="FlagAccess.MayClear(Matter, PersonId, IOrganizationView, DateOnly)"/> allows; the flag
/// row and its clearing are ledgered like every change.
/// </summary>
public sealed class RedFlag
{
    public const int MaxReason = 1000;

    /// <summary>At most this many other matters are named (the most recent); the total counts them all.</summary>
    public const int MaxRelated = 100;

    private RedFlag()
    {
        Related = string.Empty;
    }

    private RedFlag(Matter matter, FlagFinding finding, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = matter.CountyId;
        UnitId = matter.UnitId;
        MatterId = matter.Id;
        Kind = finding.Kind;
        Basis = finding.Basis;
        Limit = finding.Limit;
        Total = finding.Total;
        Related = string.Join(',', finding.Related.TakeLast(MaxRelated).Select(m => m.ToString()));
        RaisedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    public RedFlagKind Kind { get; private set; }

    /// <summary>Split purchase: by supplier or by catalogue category.</summary>
    public SplitBasis? Basis { get; private set; }

    /// <summary>The limit concerned (yuan); repeated supplier: the unit's purchases that year.</summary>
    public decimal? Limit { get; private set; }

    /// <summary>Split purchase: the purchases' total; hugging: the amount; fast approval: seconds; repeated supplier: the supplier's purchases.</summary>
    public decimal? Total { get; private set; }

    /// <summary>The other matters of a split purchase, comma-separated ids (see <see cref="RelatedMatters"/>).</summary>
    public string Related { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public PersonId? ClearedBy { get; private set; }

    public DateTimeOffset? ClearedAt { get; private set; }

    public string? ClearReason { get; private set; }

    public bool IsCleared => ClearedAt is not null;

    public IReadOnlyList<MatterId> RelatedMatters =>
        Related.Length == 0 ? [] : [.. Related.Split(',').Select(s => new MatterId(Guid.Parse(s, CultureInfo.InvariantCulture)))];

    /// <summary>A flag on <paramref name="matter"/> for what a check found.</summary>
    public static RedFlag Raise(Matter matter, FlagFinding finding, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(finding);
        return new RedFlag(matter, finding, now);
    }

    /// <summary>
    /// Clears the flag with a written reason. Refused, citing R47, when it is already cleared, when
    /// <paramref name="by"/> submitted the matter, when they may not act on the matter now (its
    /// current step, or once no person's step waits, the unit's discipline member), or without a reason.
    /// </summary>
    public Outcome Clear(Matter matter, PersonId by, string? reason, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        if (matter.Id != MatterId)
        {
            throw new ArgumentException("The flag is on another matter.", nameof(matter));
        }

        var who = org.NameOf(by);
        if (IsCleared)
        {
            return Refusal.Because("R47", "FlagAlreadyCleared", "This flag was cleared on {date}; a flag is cleared once.",
                ("date", ClearedAt!.Value.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (by == matter.InitiatorId)
        {
            return Refusal.Because("R47", "SubmitterClearsFlag", "{person} submitted this matter; the submitter never clears a flag on their own matter.", ("person", who));
        }

        if (!FlagAccess.MayClear(matter, by, org, ChinaTime.DateOf(now)))
        {
            return Refusal.Because("R47", "MayNotClearFlag",
                "{person} may not act on this matter now; a flag is cleared by whoever may act on its current step, or, once no person's step waits, by the unit's discipline member.",
                ("person", who));
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Refusal.Because("R47", "ClearReasonRequired", "A flag is cleared only with a written reason: say why the matter is in order.");
        }

        if (text.Length > MaxReason)
        {
            return Refusal.Because(Refusal.InvalidId, "ReasonTooLong", "A reason has at most {max} characters.", ("max", MaxReason.ToString(CultureInfo.InvariantCulture)));
        }

        ClearedBy = by;
        ClearedAt = now;
        ClearReason = text;
        return Outcome.Ok;
    }
}

using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// A change to county data that decides routes (R40: bounds, the procurement catalogue, the
/// approval-item register…), under four eyes: one county official proposes it, and it takes effect
/// only when a different county official confirms it. The proposer cannot confirm; a proposal that
/// a later one of the same subject superseded, or that its proposer withdrew, cannot be confirmed.
/// The row is the decision record: what was proposed (<see cref="PayloadJson"/>, in the subject's
/// own documented format), by whom and when, and who confirmed it. Confirmed rows of a subject are
/// its version history; the latest confirmed one is in force.
/// Reusable for any county-level four-eyes decision: a subject with an optional
/// <see cref="SubjectId"/> (e.g. one unit's policy) forms its own line of proposals.
/// </summary>
public sealed class CountyChange
{
    public const int MaxSummary = 500;

    private CountyChange()
    {
        PayloadJson = string.Empty;
        Summary = string.Empty;
        ProposedBy = string.Empty;
        ProposedByName = string.Empty;
        WaitingForIds = string.Empty;
    }

    private CountyChange(CountyId county, CountyChangeSubject subject, Guid? subjectId, int number, string payloadJson, string summary, CountyOfficial proposer, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        Subject = subject;
        SubjectId = subjectId;
        Number = number;
        PayloadJson = payloadJson;
        Summary = summary;
        ProposedBy = proposer.Account;
        ProposedByName = proposer.Name;
        ProposedAt = now;
        State = CountyChangeState.Pending;
        WaitingForIds = string.Empty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public CountyChangeSubject Subject { get; private set; }

    /// <summary>The row the subject is about when it is not the whole county (e.g. a unit); null for county-wide data.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The proposal's number in its subject's line, from 1: confirmed numbers are the subject's versions.</summary>
    public int Number { get; private set; }

    /// <summary>The whole proposed data of the subject (not a diff), in the subject's documented JSON format.</summary>
    public string PayloadJson { get; private set; }

    /// <summary>What changes, in the proposer's words (shown to the confirmer and the discipline inspection).</summary>
    public string Summary { get; private set; }

    /// <summary>The proposer's account.</summary>
    public string ProposedBy { get; private set; }

    public string ProposedByName { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public CountyChangeState State { get; private set; }

    /// <summary>The confirming official's account: never the proposer's.</summary>
    public string? ConfirmedBy { get; private set; }

    public string? ConfirmedByName { get; private set; }

    /// <summary>When it took effect.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>When it was superseded or withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The proposal that superseded this one.</summary>
    public Guid? SupersededBy { get; private set; }

    /// <summary>
    /// When it took effect: its confirmation, or for a change that waited for units
    /// (<see cref="CountyChangeState.AwaitingUnits"/>), the moment the last of them complied.
    /// </summary>
    public DateTimeOffset? TookEffectAt { get; private set; }

    /// <summary>The units a confirmed change still waits for, as stored: their ids, comma-separated.</summary>
    public string WaitingForIds { get; private set; }

    /// <summary>The units a confirmed change still waits for (empty unless <see cref="CountyChangeState.AwaitingUnits"/>).</summary>
    public IReadOnlyList<UnitId> WaitingFor =>
        [.. WaitingForIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new UnitId(Guid.Parse(id)))];

    public bool IsInForce => State == CountyChangeState.Confirmed;

    /// <summary>
    /// A new proposal of <paramref name="subject"/>. <paramref name="line"/> is every earlier change
    /// of the same subject (and <paramref name="subjectId"/>): the new one is numbered after them,
    /// and a pending one among them is superseded by it (returned, for the caller to save).
    /// R29/R40: refused when the county has named nobody of its discipline inspection to notify
    /// (<paramref name="disciplineInspection"/>): route-deciding data never changes unwatched.
    /// </summary>
    public static Result<CountyChangeProposal> Propose(
        CountyId county,
        CountyChangeSubject subject,
        Guid? subjectId,
        string payloadJson,
        string summary,
        CountyOfficial proposer,
        IReadOnlyCollection<CountyChange> line,
        IReadOnlyCollection<PersonId> disciplineInspection,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(disciplineInspection);
        if (!Enum.IsDefined(subject))
        {
            return Refusal.Because(Refusal.InvalidId, "ChangeSubjectUnknown", "subject: not a kind of county data.");
        }

        if (string.IsNullOrWhiteSpace(payloadJson))
        {
            return Refusal.Because(Refusal.InvalidId, "ChangeDataMissing", "A proposal needs the proposed data.");
        }

        var text = summary?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxSummary)
        {
            return Refusal.Because(Refusal.InvalidId, "ChangeSummary", "summary: say what changes, in 1 to {max} characters.", ("max", MaxSummary.ToString(CultureInfo.InvariantCulture)));
        }

        if (line.Any(c => c.CountyId != county || c.Subject != subject || c.SubjectId != subjectId))
        {
            throw new ArgumentException("The line holds changes of another county or subject.", nameof(line));
        }

        if (disciplineInspection.Count == 0)
        {
            return Refusal.Because("R29", "NoCountyDisciplineInspection",
                "The county has named nobody of its discipline inspection to notify: route-deciding county data ({subject}) cannot change unwatched. Name the county's discipline inspection first.",
                ("subject", subject.ToString()));
        }

        var number = line.Count == 0 ? 1 : line.Max(c => c.Number) + 1;
        var change = new CountyChange(county, subject, subjectId, number, payloadJson, text, proposer, now);
        var superseded = line.Where(c => c.State == CountyChangeState.Pending).ToList();
        foreach (var pending in superseded)
        {
            pending.State = CountyChangeState.Superseded;
            pending.SupersededBy = change.Id;
            pending.ClosedAt = now;
        }

        return Result<CountyChangeProposal>.Ok(new CountyChangeProposal(change, superseded));
    }

    /// <summary>
    /// Four eyes (R40): a second county official confirms, and the change takes effect. Refused
    /// when it is no longer pending (superseded, withdrawn, already confirmed) — a confirmation
    /// always refers to the proposal its confirmer read — and when the confirmer proposed it.
    /// </summary>
    public Outcome Confirm(CountyOfficial by, DateTimeOffset now) => Confirm(by, [], now);

    /// <summary>
    /// Confirms as <see cref="Confirm(CountyOfficial, DateTimeOffset)"/>; when <paramref name="waitingFor"/>
    /// names units that do not comply yet (<see cref="BoundsChange"/>), the change waits for them
    /// instead of taking effect (<see cref="CountyChangeState.AwaitingUnits"/>).
    /// </summary>
    public Outcome Confirm(CountyOfficial by, IReadOnlyCollection<UnitId> waitingFor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(waitingFor);
        if (NotPending() is { } refusal)
        {
            return refusal;
        }

        if (by.IsSameAs(ProposedBy))
        {
            return Refusal.Because("R40", "ProposerCannotConfirm",
                "{official} proposed change {number} of {subject} and cannot confirm it: a second county official must (four eyes).",
                ("official", by.Name), ("number", Number.ToString(CultureInfo.InvariantCulture)), ("subject", Subject.ToString()));
        }

        ConfirmedBy = by.Account;
        ConfirmedByName = by.Name;
        ConfirmedAt = now;
        Wait(waitingFor, now);
        return Outcome.Ok;
    }

    /// <summary>
    /// A waiting change learns which of its units still do not comply (after one published a policy
    /// version or changed a portfolio): it takes effect when none is left, and returns whether it did.
    /// </summary>
    public bool Recheck(IReadOnlyCollection<UnitId> stillWaiting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stillWaiting);
        if (State != CountyChangeState.AwaitingUnits)
        {
            return false;
        }

        var before = WaitingFor;
        Wait([.. stillWaiting.Where(before.Contains)], now);
        return State == CountyChangeState.Confirmed;
    }

    /// <summary>A later confirmed change of the same line replaces one still waiting for units: it never takes effect.</summary>
    public void SupersedeWaiting(CountyChange by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State == CountyChangeState.AwaitingUnits && by.Id != Id && by.Subject == Subject && by.SubjectId == SubjectId)
        {
            State = CountyChangeState.Superseded;
            SupersededBy = by.Id;
            WaitingForIds = string.Empty;
            ClosedAt = now;
        }
    }

    private void Wait(IReadOnlyCollection<UnitId> units, DateTimeOffset now)
    {
        WaitingForIds = string.Join(',', units.Select(u => u.Value.ToString("D")));
        State = units.Count == 0 ? CountyChangeState.Confirmed : CountyChangeState.AwaitingUnits;
        TookEffectAt = units.Count == 0 ? now : null;
    }

    /// <summary>The proposer takes back a pending proposal; nobody else can.</summary>
    public Outcome Withdraw(CountyOfficial by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (NotPending() is { } refusal)
        {
            return refusal;
        }

        if (!by.IsSameAs(ProposedBy))
        {
            return Refusal.Because("R40", "OnlyProposerWithdraws",
                "Only {proposer}, who proposed change {number} of {subject}, can withdraw it.",
                ("proposer", ProposedByName), ("number", Number.ToString(CultureInfo.InvariantCulture)), ("subject", Subject.ToString()));
        }

        State = CountyChangeState.Withdrawn;
        ClosedAt = now;
        return Outcome.Ok;
    }

    /// <summary>
    /// R40: a unit policy's pending county approval closes with its proposal when the unit withdraws
    /// the proposal or a newer one supersedes it (<see cref="Policy.PolicyProposal"/>), so the county's
    /// list of changes never shows a pending approval nobody can give. Nothing else closes it.
    /// </summary>
    internal void CloseWithItsProposal(DateTimeOffset now)
    {
        if (Subject == CountyChangeSubject.UnitPolicy && State == CountyChangeState.Pending)
        {
            State = CountyChangeState.Withdrawn;
            ClosedAt = now;
        }
    }

    /// <summary>The change of the line in force: the latest confirmed one, or null when none ever was.</summary>
    public static CountyChange? InForce(IEnumerable<CountyChange> line) =>
        line.Where(c => c.IsInForce).OrderByDescending(c => c.TookEffectAt ?? c.ConfirmedAt).ThenByDescending(c => c.Number).FirstOrDefault();

    private Refusal? NotPending()
    {
        var number = Number.ToString(CultureInfo.InvariantCulture);
        return State switch
        {
            CountyChangeState.Pending => null,
            CountyChangeState.Superseded => Refusal.Because("R40", "ChangeSuperseded",
                "Change {number} of {subject} was superseded by a later proposal before it was confirmed: read and confirm the later one.",
                ("number", number), ("subject", Subject.ToString())),
            CountyChangeState.Withdrawn => Refusal.Because("R40", "ChangeWithdrawn",
                "Change {number} of {subject} was withdrawn by its proposer.",
                ("number", number), ("subject", Subject.ToString())),
            CountyChangeState.Confirmed or CountyChangeState.AwaitingUnits => Refusal.Because("R40", "ChangeAlreadyConfirmed",
                "Change {number} of {subject} was already confirmed by {confirmer}.",
                ("number", number), ("subject", Subject.ToString()), ("confirmer", ConfirmedByName ?? string.Empty)),
        };
    }
}

/// <summary>A new proposal and the pending proposals of its subject it superseded.</summary>
public sealed record CountyChangeProposal(CountyChange Change, IReadOnlyList<CountyChange> Superseded);

using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// 会议纪要: what a meeting recorded, generated from its rows by <see cref="Write"/> — never typed
/// over. Attendance, then each item with its recusals, its opinions in speaking order, the count
/// and the outcome, then any corrections (each correction is a new <see cref="MinutesRecord"/>).
/// </summary>
public sealed record Minutes(
    MeetingId MeetingId,
    UnitId UnitId,
    MeetingKind Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    PersonId ChairId,
    string ChairName,
    IReadOnlyList<MinutesAttendance> Attendance,
    IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesCorrection> Corrections)
{
    /// <summary>
    /// The minutes of the meeting's rows, a pure function: the same rows give the same minutes.
    /// Items without an outcome are listed with a null outcome (the meeting refuses to draw up
    /// minutes before every item has one).
    /// </summary>
    public static Minutes Write(Meeting meeting, IReadOnlyList<MinutesCorrection> corrections)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(corrections);
        string Name(PersonId person) => meeting.Members.FirstOrDefault(m => m.PersonId == person)?.Name ?? person.ToString();

        var attendance = meeting.Members
            .Select(m => meeting.AttendanceOf(m.PersonId) is { } a
                ? new MinutesAttendance(m.PersonId, m.Name, m.IsPrincipal, a.Present, a.AbsenceReason)
                : new MinutesAttendance(m.PersonId, m.Name, m.IsPrincipal, false, "(not recorded)"))
            .ToList();

        var items = meeting.Items.OrderBy(i => i.Number).Select(item =>
        {
            var outcome = meeting.OutcomeOf(item.Id);
            return new MinutesItem(
                item.Number,
                item.MatterId,
                item.Title,
                item.IsPersonnel,
                item.ProposedAmount,
                item.Payee,
                [.. item.DocumentReferences],
                [.. meeting.RecusalsOn(item.Id).Select(r => new MinutesRecusal(r.PersonId, Name(r.PersonId), r.Ground, r.Reason))],
                [.. meeting.OpinionsOn(item.Id).Select(o => new MinutesOpinion(o.Sequence, o.PersonId, Name(o.PersonId), o.Kind, o.Reason))],
                meeting.Tally(item.Id),
                outcome?.Kind,
                outcome?.DecidedAmount,
                outcome?.Payee ?? Payee.None,
                outcome?.Conditions ?? string.Empty,
                outcome?.Reason ?? string.Empty);
        }).ToList();

        var chair = meeting.ChairId;
        return new Minutes(meeting.Id, meeting.UnitId, meeting.Kind, meeting.Title, meeting.ScheduledAt, chair, Name(chair), attendance, items, [.. corrections]);
    }

    /// <summary>The attendees who must sign: every member recorded present.</summary>
    public IReadOnlyList<PersonId> RequiredSigners => Attendance.Where(a => a.Present).Select(a => a.PersonId).ToList();
}

public sealed record MinutesAttendance(PersonId PersonId, string Name, bool IsPrincipal, bool Present, string AbsenceReason);

public sealed record MinutesRecusal(PersonId PersonId, string Name, RecusalGround Ground, string Reason);

public sealed record MinutesOpinion(int Sequence, PersonId PersonId, string Name, OpinionKind Kind, string Reason);

/// <summary>One item in the minutes. <see cref="Outcome"/> is null only for an undecided item.</summary>
public sealed record MinutesItem(
    int Number,
    MatterId? MatterId,
    string Title,
    bool Personnel,
    decimal ProposedAmount,
    Payee ProposedPayee,
    IReadOnlyList<string> Documents,
    IReadOnlyList<MinutesRecusal> Recusals,
    IReadOnlyList<MinutesOpinion> Opinions,
    ItemTally Tally,
    ItemOutcomeKind? Outcome,
    decimal? DecidedAmount,
    Payee DecidedPayee,
    string Conditions,
    string Reason);

/// <summary>A correction note (更正) carried by a superseding minutes record.</summary>
public sealed record MinutesCorrection(string Note, PersonId ById, string ByName, DateTimeOffset At);

/// <summary>
/// A minutes record: the generated <see cref="Minutes"/> and the attendees' signatures.
/// <code>
/// DrawUpMinutes ──► Draft ──(every present attendee signed)──► Final   (immutable)
/// Draft / Final ──CorrectMinutes──► superseded by a new Draft (version + 1, needs every signature again)
/// </code>
/// </summary>
public sealed class MinutesRecord
{
    private readonly List<MinutesSignature> _signatures = [];
    private readonly List<MissingSignature> _explanations = [];

    private MinutesRecord()
    {
        Content = null!;
    }

    internal MinutesRecord(MeetingId meetingId, CountyId countyId, int version, MinutesId? supersedesId, Minutes content, DateTimeOffset at)
    {
        Id = MinutesId.New();
        MeetingId = meetingId;
        CountyId = countyId;
        Version = version;
        SupersedesId = supersedesId;
        Content = content;
        DrawnUpAt = at;
    }

    public MinutesId Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>1 for the first minutes; each correction adds one.</summary>
    public int Version { get; private set; }

    /// <summary>The record this one corrects; null for the first.</summary>
    public MinutesId? SupersedesId { get; private set; }

    public Minutes Content { get; private set; }

    public DateTimeOffset DrawnUpAt { get; private set; }

    public IReadOnlyList<MinutesSignature> Signatures => _signatures;

    /// <summary>The discipline member's records of why a present attendee's signature is missing (R43).</summary>
    public IReadOnlyList<MissingSignature> Explanations => _explanations;

    /// <summary>Present attendees who have neither signed nor had their missing signature explained.</summary>
    public IReadOnlyList<PersonId> MissingSignatures => Content.RequiredSigners
        .Where(p => _signatures.All(s => s.PersonId != p) && _explanations.All(e => e.PersonId != p)).ToList();

    public MinutesState State => MissingSignatures.Count == 0 ? MinutesState.Final : MinutesState.Draft;

    internal MinutesSignature AddSignature(PersonId signer, string objection, DateTimeOffset at)
    {
        var signature = new MinutesSignature(Id, CountyId, signer, objection, at);
        _signatures.Add(signature);
        return signature;
    }

    internal MissingSignature AddExplanation(PersonId member, string reason, PersonId recordedBy, DateTimeOffset at)
    {
        var explanation = new MissingSignature(Id, CountyId, member, reason, recordedBy, at);
        _explanations.Add(explanation);
        return explanation;
    }
}

/// <summary>An attendee's signature (签字) on a minutes record, given in the application. Immutable.</summary>
public sealed class MinutesSignature
{
    private MinutesSignature()
    {
        Objection = string.Empty;
    }

    internal MinutesSignature(MinutesId minutesId, CountyId countyId, PersonId personId, string objection, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MinutesId = minutesId;
        CountyId = countyId;
        PersonId = personId;
        Objection = objection;
        At = at;
    }

    public Guid Id { get; private set; }

    public MinutesId MinutesId { get; private set; }

    public CountyId CountyId { get; private set; }

    public PersonId PersonId { get; private set; }

    /// <summary>The objection the member signed with (签字并保留意见); empty when they signed without one.</summary>
    public string Objection { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// R43: the unit's discipline member's record of why a member present has not signed a minutes
/// record within the signing period. Immutable; with it the minutes can be final without that signature.
/// </summary>
public sealed class MissingSignature
{
    private MissingSignature()
    {
        Reason = string.Empty;
    }

    internal MissingSignature(MinutesId minutesId, CountyId countyId, PersonId personId, string reason, PersonId recordedById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MinutesId = minutesId;
        CountyId = countyId;
        PersonId = personId;
        Reason = reason;
        RecordedById = recordedById;
        At = at;
    }

    public Guid Id { get; private set; }

    public MinutesId MinutesId { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The member whose signature is missing.</summary>
    public PersonId PersonId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The discipline member who recorded it.</summary>
    public PersonId RecordedById { get; private set; }

    public DateTimeOffset At { get; private set; }
}

using System.Globalization;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// One version of a unit's quarterly statement (R9). The finance deputy tables it on the agenda of a
/// scheduled meeting of the unit's team, and publishes it only once that meeting is held (its
/// minutes drawn up): the team has seen exactly this content. A correction is a new version, tabled
/// and published the same way, that records what changed from the last published one and why; no
/// version is ever overwritten.
/// </summary>
public sealed class Statement
{
    public const int MaxReason = 500;

    private Statement()
    {
        Content = new StatementContent(string.Empty, 2000, 1, 0m, [], [], [], [], []);
        Reason = Changes = string.Empty;
    }

    private Statement(CountyId county, UnitId unit, Quarter quarter, int version, StatementContent content, string reason, MeetingId meeting, PersonId by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        UnitId = unit;
        Year = quarter.Year;
        QuarterNumber = quarter.Number;
        Version = version;
        Content = content;
        Reason = reason;
        Changes = string.Empty;
        MeetingId = meeting;
        TabledBy = by;
        TabledAt = now;
        State = StatementState.Tabled;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public int Year { get; private set; }

    public int QuarterNumber { get; private set; }

    public Quarter Quarter => new(Year, QuarterNumber);

    /// <summary>From 1, per unit and quarter, in the order tabled.</summary>
    public int Version { get; private set; }

    public StatementContent Content { get; private set; }

    /// <summary>Why a correction was made; empty for the first version.</summary>
    public string Reason { get; private set; }

    /// <summary>What this version changed from the last published one, a line each; set when published, empty for the first.</summary>
    public string Changes { get; private set; }

    /// <summary>The meeting of the unit's team whose agenda lists this version.</summary>
    public MeetingId MeetingId { get; private set; }

    public PersonId TabledBy { get; private set; }

    public DateTimeOffset TabledAt { get; private set; }

    public StatementState State { get; private set; }

    public PersonId? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>
    /// R9: the finance deputy tables the quarter's statement (<paramref name="content"/>, built from
    /// the recorded data) on the agenda of <paramref name="meeting"/>. Checked in this order: the
    /// tabler is the unit's finance deputy today; the quarter is over; the meeting is the unit's and
    /// still scheduled (its agenda open); a correction (<paramref name="latest"/> was published) says why.
    /// </summary>
    public static Result<Statement> Table(CountyId county, UnitId unit, Quarter quarter, StatementContent content, Statement? latest, Statement? lastPublished, Meeting meeting, PersonId by, string? reason, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(org);
        var today = ChinaTime.DateOf(now);
        var byDeputy = FinanceDeputy(unit, by, org, today);
        if (!byDeputy.IsOk)
        {
            return byDeputy.Refusal!;
        }

        if (today <= quarter.Last)
        {
            return Refusal.Because("R9", "QuarterNotOver", "{quarter} ends on {last}; its statement is drawn up after that.",
                ("quarter", quarter.ToString()), ("last", quarter.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (meeting.CountyId != county || meeting.UnitId != unit)
        {
            return Refusal.NotFound($"Meeting {meeting.Id}");
        }

        if (meeting.State != MeetingState.Scheduled)
        {
            return Refusal.Because("R9", "StatementAgendaFixed", "The meeting \"{meeting}\" is {state}; the statement goes on the agenda of a meeting still scheduled, for the team to see it there.",
                ("meeting", meeting.Title), ("state", meeting.State.ToString()));
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length > MaxReason || (lastPublished is not null && why.Length == 0))
        {
            return Refusal.Because("R9", "CorrectionReason", "Version {version} of {quarter} is published; a correction says why (at most {max} characters).",
                ("version", (lastPublished?.Version ?? 0).ToString(CultureInfo.InvariantCulture)), ("quarter", quarter.ToString()), ("max", MaxReason.ToString(CultureInfo.InvariantCulture)));
        }

        return Result<Statement>.Ok(new Statement(county, unit, quarter, (latest?.Version ?? 0) + 1, content, why, meeting.Id, by, now));
    }

    /// <summary>
    /// R9: the finance deputy publishes this version once the team has seen it — the meeting whose
    /// agenda lists it is held (closed, its minutes drawn up). A correction records what changed from
    /// <paramref name="lastPublished"/>; one that changes nothing is refused.
    /// </summary>
    public Outcome Publish(PersonId by, Meeting meeting, Statement? lastPublished, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(org);
        var byDeputy = FinanceDeputy(UnitId, by, org, ChinaTime.DateOf(now));
        if (!byDeputy.IsOk)
        {
            return byDeputy.Refusal!;
        }

        if (State != StatementState.Tabled)
        {
            return Refusal.Because("R9", "StatementPublishedOnce", "Version {version} of {quarter} is already published; a correction is a new version.",
                ("version", Version.ToString(CultureInfo.InvariantCulture)), ("quarter", Quarter.ToString()));
        }

        if (meeting.Id != MeetingId || meeting.State is not (MeetingState.Closed or MeetingState.Bound))
        {
            return Refusal.Because("R9", "TeamHasNotSeen", "The statement is on the agenda of \"{meeting}\", which is {state}; it is published after the team has seen it in that meeting.",
                ("meeting", meeting.Title), ("state", meeting.State.ToString()));
        }

        var changes = lastPublished is null ? [] : QuarterlyStatement.Changes(lastPublished.Content, Content);
        if (lastPublished is not null && changes.Count == 0)
        {
            return Refusal.Because("R9", "CorrectionChangesNothing", "Version {version} shows the same figures as the published version {published}; there is nothing to correct.",
                ("version", Version.ToString(CultureInfo.InvariantCulture)), ("published", lastPublished.Version.ToString(CultureInfo.InvariantCulture)));
        }

        Changes = string.Join('\n', changes);
        State = StatementState.Published;
        PublishedBy = by;
        PublishedAt = now;
        return Outcome.Ok;
    }

    private static Outcome FinanceDeputy(UnitId unit, PersonId by, IOrganizationView org, DateOnly today) =>
        org.DeputyInCharge(unit, Area.Finance, today) == by
            ? Outcome.Ok
            : Refusal.Because("R9", "StatementByFinanceDeputy", "{person} is not the unit's finance deputy on {date}; the finance deputy tables and publishes the quarterly statement.",
                ("person", org.NameOf(by)), ("date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}

using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A leadership meeting (班子会议 / 党委会 / 局务会) that decides matters collectively (R43; R5, R11,
/// R14, R18, R21, R23). Its team, chair and rules of decision are frozen when it is scheduled; its
/// agenda is fixed when it opens; attendance, recusals, opinions and outcomes are immutable rows;
/// the minutes are generated from those rows and signed by every attendee. State changes only
/// through the methods below, each of which checks its rule and says why not. See
/// <see cref="MeetingState"/>, <see cref="ItemOutcomeKind"/> and <see cref="MinutesRecord"/> for
/// the state machines.
/// </summary>
public sealed partial class Meeting
{
    private readonly List<MeetingMember> _members = [];
    private readonly List<AgendaItem> _items = [];
    private readonly List<Attendance> _attendance = [];
    private readonly List<Recusal> _recusals = [];
    private readonly List<Opinion> _opinions = [];
    private readonly List<ItemOutcome> _outcomes = [];
    private readonly List<MinutesRecord> _minutes = [];

    private Meeting()
    {
        Title = string.Empty;
        Rules = DecisionRules.Default;
        CancelReason = string.Empty;
    }

    private Meeting(ScheduleMeeting command, DecisionRules rules, DateOnly date, DateTimeOffset now)
    {
        Id = MeetingId.New();
        CountyId = command.CountyId;
        UnitId = command.UnitId;
        Kind = command.Kind;
        Title = command.Title.Trim();
        ScheduledAt = command.ScheduledAt;
        MeetingDate = date;
        ChairId = command.ChairId;
        Rules = rules;
        State = MeetingState.Scheduled;
        CreatedAt = now;
        CancelReason = string.Empty;
    }

    public MeetingId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    /// <summary>The date whose team and roles apply: the local date of <see cref="ScheduledAt"/>.</summary>
    public DateOnly MeetingDate { get; private set; }

    /// <summary>The chairing principal (主持人): speaks last on every item where not recused (末位表态).</summary>
    public PersonId ChairId { get; private set; }

    /// <summary>The rules of decision frozen when the meeting was scheduled.</summary>
    public DecisionRules Rules { get; private set; }

    public MeetingState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why the meeting was cancelled; empty otherwise.</summary>
    public string CancelReason { get; private set; }

    /// <summary>The team on the meeting's date, frozen at scheduling.</summary>
    public IReadOnlyList<MeetingMember> Members => _members;

    /// <summary>The team members to notify of the meeting and its agenda.</summary>
    public IReadOnlyList<PersonId> MembersToNotify => _members.Select(m => m.PersonId).ToList();

    public IReadOnlyList<AgendaItem> Items => _items;

    public IReadOnlyList<Attendance> Attendances => _attendance;

    public IReadOnlyList<Recusal> Recusals => _recusals;

    public IReadOnlyList<Opinion> Opinions => _opinions;

    public IReadOnlyList<ItemOutcome> Outcomes => _outcomes;

    /// <summary>Every minutes record, oldest first; corrections supersede earlier ones.</summary>
    public IReadOnlyList<MinutesRecord> MinutesRecords => _minutes;

    /// <summary>The minutes record no other supersedes; null before minutes are drawn up.</summary>
    public MinutesRecord? CurrentMinutes => _minutes.Count == 0 ? null : _minutes[^1];

    /// <summary>The current minutes, which attendees sign; refused before they are drawn up.</summary>
    public Result<MinutesRecord> MinutesToSign() =>
        CurrentMinutes is { } record ? Result<MinutesRecord>.Ok(record) : Refusal.Because("R43", "MinutesNotDrawnUp", "The minutes are not drawn up yet.");

    /// <summary>Whether the current minutes are signed by every present attendee.</summary>
    public bool MinutesAreFinal => CurrentMinutes is { State: MinutesState.Final };

    /// <summary>The reference a matter records for an item's decision: <c>meeting:{id}#{number}</c>.</summary>
    public string ReferenceOf(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"meeting:{Id}#{item.Number}";
    }

    public AgendaItem? Item(AgendaItemId id) => _items.FirstOrDefault(i => i.Id == id);

    public Attendance? AttendanceOf(PersonId person) => _attendance.FirstOrDefault(a => a.PersonId == person);

    public ItemOutcome? OutcomeOf(AgendaItemId item) => _outcomes.FirstOrDefault(o => o.AgendaItemId == item);

    public IReadOnlyList<Recusal> RecusalsOn(AgendaItemId item) => _recusals.Where(r => r.AgendaItemId == item).ToList();

    /// <summary>The opinions on an item in speaking order.</summary>
    public IReadOnlyList<Opinion> OpinionsOn(AgendaItemId item) => _opinions.Where(o => o.AgendaItemId == item).OrderBy(o => o.Sequence).ToList();

    public bool IsRecused(AgendaItemId item, PersonId person) => _recusals.Any(r => r.AgendaItemId == item && r.PersonId == person);

    /// <summary>Members present and not recused on the item: they count towards its quorum and speak on it.</summary>
    public IReadOnlyList<PersonId> EntitledOn(AgendaItemId item) =>
        _members.Where(m => AttendanceOf(m.PersonId) is { Present: true } && !IsRecused(item, m.PersonId)).Select(m => m.PersonId).ToList();

    /// <summary>
    /// Whether the matter is held by this meeting: on an item still waiting for its outcome, or on one
    /// decided or heard whose minutes are not yet signed (the decision binds only then, R43). A
    /// deferred item, a cancelled meeting and a bound one hold nothing.
    /// </summary>
    public bool HoldsOpenItemFor(MatterId matter) =>
        State is not (MeetingState.Cancelled or MeetingState.Bound)
        && _items.Any(i => i.MatterId == matter && OutcomeOf(i.Id) is not { Kind: ItemOutcomeKind.Deferred });

    /// <summary>The count on an item, from the rows, under the meeting's rules.</summary>
    public ItemTally Tally(AgendaItemId itemId)
    {
        var item = Item(itemId) ?? throw new ArgumentException($"No item {itemId} on meeting {Id}.", nameof(itemId));
        var opinions = OpinionsOn(itemId);
        var recused = _members.Count(m => IsRecused(itemId, m.PersonId));
        return ItemTally.Count(
            Rules,
            item.IsPersonnel,
            _members.Count,
            recused,
            _members.Count(m => AttendanceOf(m.PersonId) is { Present: true }),
            EntitledOn(itemId).Count,
            opinions.Count(o => o.Kind == OpinionKind.Agree),
            opinions.Count(o => o.Kind == OpinionKind.Disagree),
            opinions.Count(o => o.Kind == OpinionKind.Abstain));
    }

    /// <summary>
    /// Schedules a meeting of the unit's team on the date of <see cref="ScheduleMeeting.ScheduledAt"/>.
    /// Refused when the title is empty, the rules are below R43, the chair is not a principal of the
    /// unit on that date, or the team has fewer than two members (one person is not a collective).
    /// </summary>
    public static Result<Meeting> Schedule(ScheduleMeeting command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(org);
        if (string.IsNullOrWhiteSpace(command.Title))
        {
            return Refusal.Because("R43", "NoTitle", "A meeting needs a title.");
        }

        var rules = command.Rules ?? DecisionRules.Default;
        var check = rules.Check();
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        var date = ChinaTime.DateOf(command.ScheduledAt);
        var day = MatterRules.Day(date);
        if (!org.HoldsRole(command.UnitId, command.ChairId, Role.Principal, date))
        {
            return Refusal.Because("R43", "ChairNotPrincipal", "{chair} is not a principal of the unit on {date}; a principal chairs the team's meeting and speaks last.",
                ("chair", org.NameOf(command.ChairId)), ("date", day));
        }

        var team = org.TeamMembers(command.UnitId, date);
        if (team.Count < 2)
        {
            return Refusal.Because("R43", "TeamTooSmall", "The unit's team has {count} member(s) on {date}; a collective decision needs a team.", ("count", Invariant(team.Count)), ("date", day));
        }

        var principals = org.Principals(command.UnitId, date);
        var meeting = new Meeting(command, rules, date, now);
        foreach (var person in team.Distinct())
        {
            meeting._members.Add(new MeetingMember(meeting.Id, meeting.CountyId, person, org.NameOf(person), principals.Contains(person)));
        }

        return Result<Meeting>.Ok(meeting);
    }

    /// <summary>
    /// Puts a matter on the agenda. Refused unless the meeting is still scheduled, the matter is of
    /// the same county and unit, its current step is a collective decision (R43), it is not already
    /// on an undecided item of this or another meeting (<paramref name="otherMeetings"/>), and — for
    /// a personnel matter — the item names the person(s) it concerns (R11: they are recused).
    /// </summary>
    public Result<AgendaItem> AddItem(Matter matter, AgendaItemRequest request, IEnumerable<Meeting> otherMeetings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(otherMeetings);
        if (State != MeetingState.Scheduled)
        {
            return Refusal.Because("R43", "AgendaFixed", "The meeting is {state}; its agenda was fixed when it opened.", ("state", State.ToString()));
        }

        // Another unit's matter does not exist for this team: the refusal names no title.
        if (matter.CountyId != CountyId || matter.UnitId != UnitId)
        {
            return Refusal.NotFound($"Matter {matter.Id}");
        }

        if (!matter.WaitsForTeam)
        {
            return matter.CurrentStep is { } step
                ? Refusal.Because("R43", "AgendaNeedsTeamStep", "The matter \"{title}\" waits for {step}; only a matter waiting for its team (a collective decision, or the team being informed) goes on a meeting's agenda.",
                    ("title", matter.Title), ("step", step.ToString()))
                : Refusal.Because("R43", "AgendaNeedsPendingMatter", "The matter \"{title}\" is {state}; only a matter waiting for its team (a collective decision, or the team being informed) goes on a meeting's agenda.",
                    ("title", matter.Title), ("state", matter.State.ToString()));
        }

        if (HoldsOpenItemFor(matter.Id) || otherMeetings.Any(m => m.Id != Id && m.HoldsOpenItemFor(matter.Id)))
        {
            return Refusal.Because("R43", "AlreadyOnAgenda", "The matter \"{title}\" is already on an undecided agenda item; decide or defer it there first.", ("title", matter.Title));
        }

        if (matter.Area == Area.Personnel && request.ConcernedPersonIds.Count == 0)
        {
            return Refusal.Because("R11", "PersonnelNeedsConcerned", "The personnel matter \"{title}\" must name the person(s) it concerns, so that they and their relatives are recused.", ("title", matter.Title));
        }

        if (request.DocumentReferences.Any(string.IsNullOrWhiteSpace))
        {
            return Refusal.Because("R43", "EmptyDocument", "A supporting document reference is empty.");
        }

        var item = new AgendaItem(Id, CountyId, _items.Count + 1, matter, request, now);
        _items.Add(item);
        return Result<AgendaItem>.Ok(item);
    }

    /// <summary>Cancels a meeting that has not opened; its matters go back to the unit's queue.</summary>
    public Outcome Cancel(string reason, DateTimeOffset now)
    {
        if (State != MeetingState.Scheduled)
        {
            return Refusal.Because("R43", "CancelNotScheduled", "The meeting is {state}; only a scheduled meeting can be cancelled.", ("state", State.ToString()));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "CancelReasonRequired", "Cancelling a meeting needs a reason.");
        }

        State = MeetingState.Cancelled;
        CancelReason = reason.Trim();
        ClosedAt = now;
        return Outcome.Ok;
    }

    /// <summary>
    /// Opens the meeting: the agenda is fixed and automatic recusals are recorded for every item —
    /// the initiator, the payee, the persons concerned, anyone linked to them by a declared
    /// relation (read both ways), and those tied to the payee when the item was tabled
    /// (<see cref="AgendaItem.PayeeRelatives"/>, which covers a counterparty's declared ties). Refused when the meeting is not scheduled or has no item.
    /// </summary>
    public Outcome Open(IReadOnlyList<DeclaredRelation> relations, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(org);
        if (State != MeetingState.Scheduled)
        {
            return Refusal.Because("R43", "OpenNotScheduled", "The meeting is {state}; only a scheduled meeting opens.", ("state", State.ToString()));
        }

        if (_items.Count == 0)
        {
            return Refusal.Because("R43", "NoAgenda", "The meeting has no agenda item to decide.");
        }

        // Members were called for a day: a meeting held before it would decide without those who keep to the notice.
        var day = ChinaTime.DateOf(ScheduledAt);
        if (ChinaTime.DateOf(now) < day)
        {
            return Refusal.Because("R43", "OpenBeforeItsDay", "The meeting is called for {day}; it opens on that day, not before.", ("day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var item in _items)
        {
            var interested = new List<(PersonId Person, RecusalGround Ground, string Role)> { (item.InitiatorId, RecusalGround.Initiator, "initiated the matter") };
            if (item.Payee.PersonId is { } payee)
            {
                interested.Add((payee, RecusalGround.Payee, "is paid by the matter"));
            }

            interested.AddRange(item.ConcernedPersonIds.Select(p => (p, RecusalGround.Concerned, "is concerned by the matter")));

            foreach (var member in _members)
            {
                var own = interested.FirstOrDefault(i => i.Person == member.PersonId);
                if (own != default)
                {
                    _recusals.Add(new Recusal(Id, CountyId, item.Id, member.PersonId, own.Ground, $"{member.Name} {own.Role}; recused on {item}.", now));
                    continue;
                }

                var related = interested.FirstOrDefault(i => relations.Any(r =>
                    (r.PersonId == member.PersonId && r.RelativeId == i.Person) || (r.RelativeId == member.PersonId && r.PersonId == i.Person)));
                if (related != default)
                {
                    _recusals.Add(new Recusal(Id, CountyId, item.Id, member.PersonId, RecusalGround.Relative, $"{member.Name} is a declared relative of {org.NameOf(related.Person)}, who {related.Role}; recused on {item}.", now));
                }
                else if (item.PayeeRelatives.Contains(member.PersonId))
                {
                    _recusals.Add(new Recusal(Id, CountyId, item.Id, member.PersonId, RecusalGround.Relative, $"{member.Name} declared a tie to {item.Payee.Name}, whom the matter pays; recused on {item}.", now));
                }
            }
        }

        State = MeetingState.InSession;
        OpenedAt = now;
        return Outcome.Ok;
    }

    /// <summary>Records a team member present.</summary>
    public Result<Attendance> MarkPresent(PersonId member, DateTimeOffset now) => RecordAttendance(member, present: true, string.Empty, now);

    /// <summary>Records a team member absent, with the reason (请假事由), which may not be empty.</summary>
    public Result<Attendance> MarkAbsent(PersonId member, string reason, DateTimeOffset now) => RecordAttendance(member, present: false, reason, now);

    /// <summary>
    /// Records the attendance of several members at once (one form for the whole team): all or
    /// nothing — the first refusal (an absence without a reason, a member recorded already) refuses
    /// the whole list, and the unit of work writes none of it.
    /// </summary>
    public Result<IReadOnlyList<Attendance>> RecordAttendance(IReadOnlyList<AttendanceMark> marks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            return Refusal.Because("R43", "NoAttendanceMarked", "Mark at least one member present or absent.");
        }

        var rows = new List<Attendance>();
        foreach (var mark in marks)
        {
            var row = RecordAttendance(mark.Member, mark.Present, mark.Reason, now);
            if (!row.IsOk)
            {
                return row.Refusal!;
            }

            rows.Add(row.Value);
        }

        return Result<IReadOnlyList<Attendance>>.Ok(rows);
    }

    /// <summary>
    /// The members who may give their opinion on the item now (R43): present, not recused, not yet
    /// spoken, and — 末位表态 — a principal only once every deputy has spoken, the chair only last.
    /// Empty unless the meeting is in session, attendance is complete and the item is undecided.
    /// </summary>
    public IReadOnlyList<PersonId> MaySpeakNow(AgendaItemId itemId)
    {
        if (!CheckItemOpen(itemId, out _).IsOk || !CheckAttendanceComplete().IsOk)
        {
            return [];
        }

        var spoken = OpinionsOn(itemId);
        return [.. EntitledOn(itemId).Where(p => spoken.All(o => o.PersonId != p) && WaitingBefore(itemId, p, spoken).Count == 0)];
    }

    /// <summary>
    /// A member declares a recusal (回避) on an item, with a reason. Refused once the member has
    /// spoken on the item, when already recused, or when the item is decided.
    /// </summary>
    public Result<Recusal> DeclareRecusal(AgendaItemId itemId, PersonId member, string reason, DateTimeOffset now)
    {
        var open = CheckItemOpen(itemId, out var item);
        if (!open.IsOk)
        {
            return open.Refusal!;
        }

        if (MemberOf(member) is not { } m)
        {
            return Refusal.Because("R43", "NotMember", "{person} is not a team member of this meeting.", ("person", member.ToString()));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "RecusalReasonRequired", "{person}'s recusal on {item} needs a reason.", ("person", m.Name), ("item", item.ToString()));
        }

        if (IsRecused(itemId, member))
        {
            return Refusal.Because("R43", "AlreadyRecused", "{person} is already recused on {item}.", ("person", m.Name), ("item", item.ToString()));
        }

        if (_opinions.Any(o => o.AgendaItemId == itemId && o.PersonId == member))
        {
            return Refusal.Because("R43", "RecusalAfterSpeaking", "{person} has already given an opinion on {item}; a recusal is declared before speaking.", ("person", m.Name), ("item", item.ToString()));
        }

        var recusal = new Recusal(Id, CountyId, itemId, member, RecusalGround.Declared, reason.Trim(), now);
        _recusals.Add(recusal);
        return Result<Recusal>.Ok(recusal);
    }

    /// <summary>
    /// Records a member's opinion on an item, in speaking order. Checked in this order: the meeting
    /// is in session and the item undecided; attendance is recorded for every member; the speaker
    /// is a member, present, not recused and has not spoken on the item; 末位表态 — a principal
    /// speaks only after every present, non-recused deputy, and the chair only after everyone else;
    /// a disagreement or abstention gives its reason.
    /// </summary>
    public Result<Opinion> RecordOpinion(AgendaItemId itemId, PersonId member, OpinionKind kind, string? reason, DateTimeOffset now)
    {
        var open = CheckItemOpen(itemId, out var item);
        if (!open.IsOk)
        {
            return open.Refusal!;
        }

        var attendance = CheckAttendanceComplete();
        if (!attendance.IsOk)
        {
            return attendance.Refusal!;
        }

        if (MemberOf(member) is not { } speaker)
        {
            return Refusal.Because("R43", "NotMemberSpeaks", "{person} is not a team member of this meeting; only team members give opinions.", ("person", member.ToString()));
        }

        if (AttendanceOf(member) is { Present: false })
        {
            return Refusal.Because("R43", "Absent", "{person} is recorded absent; an absent member gives no opinion on {item}.", ("person", speaker.Name), ("item", item.ToString()));
        }

        if (IsRecused(itemId, member))
        {
            return Refusal.Because("R43", "Recused", "{person} is recused on {item} and gives no opinion on it.", ("person", speaker.Name), ("item", item.ToString()));
        }

        var spoken = OpinionsOn(itemId);
        if (spoken.Any(o => o.PersonId == member))
        {
            return Refusal.Because("R43", "SpokeTwice", "{person} has already given an opinion on {item}; nobody speaks twice on an item.", ("person", speaker.Name), ("item", item.ToString()));
        }

        if (speaker.IsPrincipal)
        {
            var waiting = WaitingBefore(itemId, member, spoken);
            if (waiting.Count > 0)
            {
                var role = member == ChairId ? "the chairing principal" : "a principal";
                return Refusal.Because("R43", "PrincipalSpeaksLast", "{speaker} is {role} and expresses an opinion last (末位表态) on {item}; still to speak: {waiting}.",
                    ("speaker", speaker.Name), ("role", role), ("item", item.ToString()), ("waiting", string.Join("、", waiting.Select(w => w.Name))));
            }
        }

        if (kind != OpinionKind.Agree && string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "ReasonRequired", "{person}'s {opinion} on {item} needs a reason.", ("person", speaker.Name), ("opinion", kind.ToString().ToLowerInvariant()), ("item", item.ToString()));
        }

        var opinion = new Opinion(Id, CountyId, itemId, spoken.Count + 1, member, kind, reason?.Trim() ?? string.Empty, now);
        _opinions.Add(opinion);
        return Result<Opinion>.Ok(opinion);
    }

    /// <summary>
    /// The meeting approves an item: the outcome is recorded with the decided amount, payee and
    /// conditions, and binds the matter only when every member present has signed the minutes
    /// (<see cref="SignMinutes"/>, R43). Refused (R43; R11 for personnel items) on an item that only
    /// informs the team (note it), before everyone entitled has spoken, without quorum, without the
    /// majority, above the proposed amount, or when the matter changed since it was tabled.
    /// <paramref name="decidedAmount"/> null: the proposed amount.
    /// </summary>
    public Result<ItemOutcome> Approve(AgendaItemId itemId, Matter matter, decimal? decidedAmount, string? conditions, PersonId recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var ready = CheckDecidable(itemId, matter, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (RecusedRecorder(item, recordedBy) is { } recused)
        {
            return recused;
        }

        if (!tally.MajorityMet)
        {
            return Refusal.Because(tally.Rule, "NoMajority", "{item} has {agree} agreeing of {base} members entitled to vote (the team less the recused, absent members included); approval needs {needed} ({threshold}). A tie is not a majority; reject or defer it.",
                ("item", item.ToString()), ("agree", Invariant(tally.Agree)), ("base", Invariant(tally.MajorityBase)), ("needed", Invariant(tally.MajorityNeeded)),
                ("threshold", (tally.Personnel ? Rules.PersonnelMajority : Rules.Majority).ToString()));
        }

        var amount = decidedAmount ?? item.ProposedAmount;
        if (amount > item.ProposedAmount)
        {
            return Refusal.Because("R43", "ItemDecidedAboveProposed", "{item} proposed {proposed}; the meeting may approve that or less, never {decided}. A higher amount needs a new matter.",
                ("item", item.ToString()), RefusalArgument.Amount("proposed", item.ProposedAmount), RefusalArgument.Amount("decided", amount));
        }

        var checkAmount = MatterRules.CheckAmount(matter.Kind, amount);
        if (!checkAmount.IsOk)
        {
            return checkAmount.Refusal!;
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Approved, amount, item.Payee, conditions?.Trim() ?? string.Empty, string.Empty, null, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>
    /// The meeting rejects an item; its matter is rejected when the minutes are signed. Refused on an
    /// item that only informs the team, before everyone entitled has spoken, without quorum (defer it
    /// instead), without a reason, and when the majority agreed: nobody — the chair included —
    /// overrules the team.
    /// </summary>
    public Result<ItemOutcome> Reject(AgendaItemId itemId, Matter matter, string reason, PersonId recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var ready = CheckDecidable(itemId, matter, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (RecusedRecorder(item, recordedBy) is { } recused)
        {
            return recused;
        }

        if (tally.MajorityMet)
        {
            return Refusal.Because(tally.Rule, "MajorityAgreed", "{agree} of {base} agreed on {item}: the team approved it by majority, and nobody overrules the team.",
                ("agree", Invariant(tally.Agree)), ("base", Invariant(tally.MajorityBase)), ("item", item.ToString()));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "RejectReasonRequired", "Rejecting {item} needs a reason.", ("item", item.ToString()));
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Rejected, null, Payee.None, string.Empty, reason.Trim(), null, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>
    /// R6 [design]: the meeting hears an item that informs the team (a principal's own expense the
    /// deputy approved): recorded once attendance is complete and the meeting is quorate; the matter's
    /// team-informing step completes when the minutes are signed. Refused on an item the team decides.
    /// </summary>
    public Result<ItemOutcome> Note(AgendaItemId itemId, Matter matter, PersonId recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var open = CheckItemOpen(itemId, out var item);
        if (!open.IsOk)
        {
            return open.Refusal!;
        }

        if (RecusedRecorder(item, recordedBy) is { } recused)
        {
            return recused;
        }

        if (matter.Id != item.MatterId)
        {
            return Refusal.Because("R43", "OtherMatter", "{item} is about another matter than \"{title}\".", ("item", item.ToString()), ("title", matter.Title));
        }

        if (matter.CurrentStep is not { Kind: StepKind.InformTeam })
        {
            return Refusal.Because("R43", "DecideNotNote", "{item} asks the team to decide; approve, reject or defer it.", ("item", item.ToString()));
        }

        var attendance = CheckAttendanceComplete();
        if (!attendance.IsOk)
        {
            return attendance.Refusal!;
        }

        var tally = Tally(itemId);
        if (!tally.QuorumMet)
        {
            return NoQuorum(item, tally);
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Noted, null, Payee.None, string.Empty, string.Empty, null, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>
    /// Defers an undecided item (暂缓): the matter stays at its collective-decision step and goes
    /// back to the unit's queue for a later meeting. Possible at any time in session, with a reason.
    /// </summary>
    public Result<ItemOutcome> Defer(AgendaItemId itemId, string reason, DateTimeOffset now)
    {
        var open = CheckItemOpen(itemId, out var item);
        if (!open.IsOk)
        {
            return open.Refusal!;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "DeferReasonRequired", "Deferring {item} needs a reason.", ("item", item.ToString()));
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Deferred, null, Payee.None, string.Empty, reason.Trim(), null, null, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>
    /// Draws up the minutes from the recorded rows and closes the record: refused before
    /// attendance is complete and before every item has an outcome (decide or defer each).
    /// </summary>
    public Result<MinutesRecord> DrawUpMinutes(DateTimeOffset now)
    {
        var recording = CheckRecording();
        if (!recording.IsOk)
        {
            return recording.Refusal!;
        }

        var attendance = CheckAttendanceComplete();
        if (!attendance.IsOk)
        {
            return attendance.Refusal!;
        }

        var undecided = _items.Where(i => OutcomeOf(i.Id) is null).ToList();
        if (undecided.Count > 0)
        {
            return Refusal.Because("R43", "ItemsUndecided", "{items} still wait(s) for an outcome; approve, reject or defer each item before drawing up the minutes.", ("items", string.Join(", ", undecided)));
        }

        var record = new MinutesRecord(Id, CountyId, 1, null, Minutes.Write(this, []), now);
        _minutes.Add(record);
        State = MeetingState.Closed;
        ClosedAt = now;
        return Result<MinutesRecord>.Ok(record);
    }

    /// <summary>
    /// An attendee signs a minutes record in the application, as themselves, confirming their own
    /// recorded opinions; with <paramref name="objection"/> they sign with a recorded objection
    /// (a member who wants the record itself changed asks for a correction first). Refused for a
    /// superseded record, for anyone not recorded present, and for a second signature. When every
    /// present attendee has signed (or the discipline member has recorded why a signature is missing,
    /// <see cref="RecordMissingSignature"/>) the record is final and the meeting's outcomes bind their
    /// matters (<paramref name="matterOf"/> gives each item's matter, tracked for the change).
    /// </summary>
    public Result<MinutesSignature> SignMinutes(MinutesId minutesId, PersonId signer, string? objection, Func<MatterId, Matter?> matterOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matterOf);
        var record = _minutes.FirstOrDefault(m => m.Id == minutesId);
        if (record is null)
        {
            return Refusal.NotFound($"Minutes {minutesId}");
        }

        if (record != CurrentMinutes)
        {
            return Refusal.Because("R43", "MinutesSuperseded", "Minutes version {version} was superseded by a correction; sign version {current}.",
                ("version", Invariant(record.Version)), ("current", Invariant(CurrentMinutes!.Version)));
        }

        var name = MemberOf(signer)?.Name ?? signer.ToString();
        if (!record.Content.RequiredSigners.Contains(signer))
        {
            return Refusal.Because("R43", "OnlyAttendeesSign", "{name} did not attend the meeting; only attendees sign its minutes.", ("name", name));
        }

        if (record.Signatures.Any(s => s.PersonId == signer) || record.Explanations.Any(e => e.PersonId == signer))
        {
            return Refusal.Because("R43", "SignedTwice", "{name} has already signed minutes version {version}.", ("name", name), ("version", Invariant(record.Version)));
        }

        if (objection is { Length: > 2000 })
        {
            return Refusal.Because(Refusal.InvalidId, "ObjectionLength", "An objection is at most 2000 characters.");
        }

        var signature = record.AddSignature(signer, objection?.Trim() ?? string.Empty, now);
        BindWhenFinal(matterOf, now);
        return Result<MinutesSignature>.Ok(signature);
    }

    /// <summary>
    /// A correction (更正): a new minutes record, generated from the same rows plus the correction
    /// notes, that supersedes the current one and needs every attendee's signature again. The old
    /// record is kept unchanged. Refused before minutes exist, without a note, or by a non-attendee.
    /// Recorded rows (opinions, outcomes) are never changed: a different decision needs a new meeting.
    /// </summary>
    public Result<MinutesRecord> CorrectMinutes(string note, PersonId by, DateTimeOffset now)
    {
        if (CurrentMinutes is not { } current)
        {
            return Refusal.Because("R43", "NoMinutesToCorrect", "There are no minutes to correct yet.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Refusal.Because("R43", "CorrectionNoteRequired", "A correction needs a note saying what is corrected.");
        }

        if (MemberOf(by) is not { } corrector || !current.Content.RequiredSigners.Contains(by))
        {
            return Refusal.Because("R43", "OnlyAttendeesCorrect", "{name} did not attend the meeting; only an attendee proposes a correction.", ("name", MemberOf(by)?.Name ?? by.ToString()));
        }

        var corrections = current.Content.Corrections.Append(new MinutesCorrection(note.Trim(), by, corrector.Name, now)).ToList();
        var record = new MinutesRecord(Id, CountyId, current.Version + 1, current.Id, Minutes.Write(this, corrections), now);
        _minutes.Add(record);
        return Result<MinutesRecord>.Ok(record);
    }

    private MeetingMember? MemberOf(PersonId person) => _members.FirstOrDefault(m => m.PersonId == person);

    // 末位表态: the chair speaks after everyone else; another principal after every deputy; a deputy waits for nobody.
    private List<MeetingMember> WaitingBefore(AgendaItemId itemId, PersonId member, IReadOnlyList<Opinion> spoken) =>
        MemberOf(member) is not { IsPrincipal: true }
            ? []
            : [.. EntitledOn(itemId)
                .Where(p => p != member && spoken.All(o => o.PersonId != p))
                .Select(p => MemberOf(p)!)
                .Where(p => member == ChairId || !p.IsPrincipal)];

    private Result<Attendance> RecordAttendance(PersonId member, bool present, string reason, DateTimeOffset now)
    {
        var recording = CheckRecording();
        if (!recording.IsOk)
        {
            return recording.Refusal!;
        }

        if (MemberOf(member) is not { } m)
        {
            return Refusal.Because("R43", "NotMemberAttends", "{person} is not a team member of this meeting on {date}.", ("person", member.ToString()), ("date", MatterRules.Day(MeetingDate)));
        }

        if (AttendanceOf(member) is not null)
        {
            return Refusal.Because("R43", "AttendanceRecorded", "{person}'s attendance is already recorded.", ("person", m.Name));
        }

        if (!present && string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "AbsenceReasonRequired", "{person} is absent: record the reason for the absence.", ("person", m.Name));
        }

        var row = new Attendance(Id, CountyId, member, present, present ? string.Empty : reason.Trim(), now);
        _attendance.Add(row);
        return Result<Attendance>.Ok(row);
    }

    private Outcome CheckRecording() => State switch
    {
        MeetingState.InSession => Outcome.Ok,
        MeetingState.Scheduled => Refusal.Because("R43", "NotOpened", "The meeting has not opened; open it before recording."),
        MeetingState.Bound => Refusal.Because("R43", "MeetingBound", "The minutes are final and the decisions bound their matters; nothing more is recorded on this meeting (a correction is a new minutes record)."),
        MeetingState.Closed => MinutesAreFinal
            ? Refusal.Because("R43", "MinutesFinal", "The minutes are signed and final; nothing more is recorded on this meeting (a correction is a new minutes record).")
            : Refusal.Because("R43", "MinutesDrawnUp", "The minutes are drawn up; nothing more is recorded on this meeting (a correction is a new minutes record)."),
        MeetingState.Cancelled => Refusal.Because("R43", "MeetingCancelled", "The meeting was cancelled."),
    };

    private Outcome CheckAttendanceComplete()
    {
        var missing = _members.Where(m => AttendanceOf(m.PersonId) is null).Select(m => m.Name).ToList();
        return missing.Count == 0
            ? Outcome.Ok
            : Refusal.Because("R43", "AttendanceIncomplete", "Record every member's attendance first; not yet recorded: {missing}.", ("missing", string.Join("、", missing)));
    }

    private Outcome CheckItemOpen(AgendaItemId itemId, out AgendaItem item)
    {
        item = null!;
        var recording = CheckRecording();
        if (!recording.IsOk)
        {
            return recording;
        }

        if (Item(itemId) is not { } found)
        {
            return Refusal.Because("R43", "NoSuchItem", "The meeting has no agenda item {itemId}.", ("itemId", itemId.ToString()));
        }

        item = found;
        return OutcomeOf(itemId) is { } outcome
            ? Refusal.Because("R43", "ItemDecided", "{item} is already {outcome}; its record does not change.", ("item", item.ToString()), ("outcome", outcome.Kind.ToString()))
            : Outcome.Ok;
    }

    private Outcome CheckDecidable(AgendaItemId itemId, Matter matter, out AgendaItem item, out ItemTally tally)
    {
        tally = null!;
        var open = CheckItemOpen(itemId, out item);
        if (!open.IsOk)
        {
            return open;
        }

        if (matter.Id != item.MatterId)
        {
            return Refusal.Because("R43", "OtherMatter", "{item} is about another matter than \"{title}\".", ("item", item.ToString()), ("title", matter.Title));
        }

        if (matter.CurrentStep is { Kind: StepKind.InformTeam })
        {
            return Refusal.Because("R6", "NoteNotDecide", "{item} informs the team of a matter already approved; the team hears it (note it) and does not vote on it.", ("item", item.ToString()));
        }

        if (matter.Amount != item.ProposedAmount || matter.Payee != item.Payee)
        {
            return Refusal.Because("R43", "MatterChanged", "The matter \"{title}\" changed since it was put on the agenda (amount or payee); defer {item} and table it again.", ("title", matter.Title), ("item", item.ToString()));
        }

        var attendance = CheckAttendanceComplete();
        if (!attendance.IsOk)
        {
            return attendance;
        }

        tally = Tally(itemId);
        if (!tally.AllSpoken)
        {
            var waiting = EntitledOn(itemId).Where(p => _opinions.All(o => o.AgendaItemId != itemId || o.PersonId != p)).Select(p => MemberOf(p)!.Name);
            return Refusal.Because("R43", "NotAllSpoken", "{item} cannot be decided before every member entitled has spoken; still to speak: {waiting}.", ("item", item.ToString()), ("waiting", string.Join("、", waiting)));
        }

        if (!tally.QuorumMet)
        {
            return NoQuorum(item, tally);
        }

        return Outcome.Ok;
    }

    private Refusal NoQuorum(AgendaItem item, ItemTally tally) =>
        Refusal.Because(tally.Rule, "NoQuorum", "{item} has no quorum: {present} of {team} team members present (应到会: the whole team, the recused included), {needed} needed ({threshold}). Defer it.",
            ("item", item.ToString()), ("present", Invariant(tally.Present)), ("team", Invariant(tally.QuorumBase)), ("needed", Invariant(tally.QuorumNeeded)),
            ("threshold", (tally.Personnel ? Rules.PersonnelQuorum : Rules.Quorum) + (tally.Personnel ? ", a personnel item" : string.Empty)));

    // R6: the initiator, the payee and a member recused on an item do not record its outcome, not even as the secretary.
    private Refusal? RecusedRecorder(AgendaItem item, PersonId recordedBy) =>
        IsRecused(item.Id, recordedBy) || item.InitiatorId == recordedBy || item.Payee.PersonId == recordedBy
            ? Refusal.Because("R6", "RecusedRecorder", "{name} initiated, is paid by or is recused on {item} and does not record its outcome.", ("name", MemberOf(recordedBy)?.Name ?? recordedBy.ToString()), ("item", item.ToString()))
            : null;

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

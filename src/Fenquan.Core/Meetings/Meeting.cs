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

    /// <summary>Whether the matter is on an item of this meeting still waiting for its outcome (not cancelled).</summary>
    public bool HoldsOpenItemFor(MatterId matter) =>
        State != MeetingState.Cancelled && _items.Any(i => i.MatterId == matter && OutcomeOf(i.Id) is null);

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
            return Result<Meeting>.Refused("R43", "A meeting needs a title.");
        }

        var rules = command.Rules ?? DecisionRules.Default;
        var check = rules.Check();
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        var date = DateOnly.FromDateTime(command.ScheduledAt.DateTime);
        var day = MatterRules.Day(date);
        if (!org.HoldsRole(command.UnitId, command.ChairId, Role.Principal, date))
        {
            return Result<Meeting>.Refused("R43", $"{org.NameOf(command.ChairId)} is not a principal of the unit on {day}; a principal chairs the team's meeting and speaks last.");
        }

        var team = org.TeamMembers(command.UnitId, date);
        if (team.Count < 2)
        {
            return Result<Meeting>.Refused("R43", $"The unit's team has {team.Count} member(s) on {day}; a collective decision needs a team.");
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
            return Result<AgendaItem>.Refused("R43", $"The meeting is {State}; its agenda was fixed when it opened.");
        }

        if (matter.CountyId != CountyId || matter.UnitId != UnitId)
        {
            return Result<AgendaItem>.Refused("R43", $"The matter \"{matter.Title}\" belongs to another unit; a team decides only its own unit's matters.");
        }

        if (matter.CurrentStep is not { Kind: StepKind.CollectiveDecision })
        {
            var where = matter.CurrentStep is { } step ? $"waits for {step}" : $"is {matter.State}";
            return Result<AgendaItem>.Refused("R43", $"The matter \"{matter.Title}\" {where}; only a matter at a collective-decision step goes on a meeting's agenda.");
        }

        if (HoldsOpenItemFor(matter.Id) || otherMeetings.Any(m => m.Id != Id && m.HoldsOpenItemFor(matter.Id)))
        {
            return Result<AgendaItem>.Refused("R43", $"The matter \"{matter.Title}\" is already on an undecided agenda item; decide or defer it there first.");
        }

        if (matter.Area == Area.Personnel && request.ConcernedPersonIds.Count == 0)
        {
            return Result<AgendaItem>.Refused("R11", $"The personnel matter \"{matter.Title}\" must name the person(s) it concerns, so that they and their relatives are recused.");
        }

        if (request.DocumentReferences.Any(string.IsNullOrWhiteSpace))
        {
            return Result<AgendaItem>.Refused("R43", "A supporting document reference is empty.");
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
            return Outcome.Refused("R43", $"The meeting is {State}; only a scheduled meeting can be cancelled.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused("R43", "Cancelling a meeting needs a reason.");
        }

        State = MeetingState.Cancelled;
        CancelReason = reason.Trim();
        ClosedAt = now;
        return Outcome.Ok;
    }

    /// <summary>
    /// Opens the meeting: the agenda is fixed and automatic recusals are recorded for every item —
    /// the initiator, the payee, the persons concerned, and anyone linked to them by a declared
    /// relation (read both ways). Refused when the meeting is not scheduled or has no item.
    /// </summary>
    public Outcome Open(IReadOnlyList<DeclaredRelation> relations, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(org);
        if (State != MeetingState.Scheduled)
        {
            return Outcome.Refused("R43", $"The meeting is {State}; only a scheduled meeting opens.");
        }

        if (_items.Count == 0)
        {
            return Outcome.Refused("R43", "The meeting has no agenda item to decide.");
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
            return Result<Recusal>.Refused("R43", $"{member} is not a team member of this meeting.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<Recusal>.Refused("R43", $"{m.Name}'s recusal on {item} needs a reason.");
        }

        if (IsRecused(itemId, member))
        {
            return Result<Recusal>.Refused("R43", $"{m.Name} is already recused on {item}.");
        }

        if (_opinions.Any(o => o.AgendaItemId == itemId && o.PersonId == member))
        {
            return Result<Recusal>.Refused("R43", $"{m.Name} has already given an opinion on {item}; a recusal is declared before speaking.");
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
            return Result<Opinion>.Refused("R43", $"{member} is not a team member of this meeting; only team members give opinions.");
        }

        if (AttendanceOf(member) is { Present: false })
        {
            return Result<Opinion>.Refused("R43", $"{speaker.Name} is recorded absent; an absent member gives no opinion on {item}.");
        }

        if (IsRecused(itemId, member))
        {
            return Result<Opinion>.Refused("R43", $"{speaker.Name} is recused on {item} and gives no opinion on it.");
        }

        var spoken = OpinionsOn(itemId);
        if (spoken.Any(o => o.PersonId == member))
        {
            return Result<Opinion>.Refused("R43", $"{speaker.Name} has already given an opinion on {item}; nobody speaks twice on an item.");
        }

        if (speaker.IsPrincipal)
        {
            // 末位表态: the chair after everyone else; another principal after every deputy.
            var waiting = EntitledOn(itemId)
                .Where(p => p != member && spoken.All(o => o.PersonId != p))
                .Select(p => MemberOf(p)!)
                .Where(p => member == ChairId || !p.IsPrincipal)
                .ToList();
            if (waiting.Count > 0)
            {
                var role = member == ChairId ? "the chairing principal" : "a principal";
                return Result<Opinion>.Refused("R43", $"{speaker.Name} is {role} and expresses an opinion last (末位表态) on {item}; still to speak: {string.Join("、", waiting.Select(w => w.Name))}.");
            }
        }

        if (kind != OpinionKind.Agree && string.IsNullOrWhiteSpace(reason))
        {
            return Result<Opinion>.Refused("R43", $"{speaker.Name}'s {kind.ToString().ToLowerInvariant()} on {item} needs a reason.");
        }

        var opinion = new Opinion(Id, CountyId, itemId, spoken.Count + 1, member, kind, reason?.Trim() ?? string.Empty, now);
        _opinions.Add(opinion);
        return Result<Opinion>.Ok(opinion);
    }

    /// <summary>
    /// The meeting approves an item and binds the decided terms into its matter. Refused (R43; R11
    /// for personnel items) before everyone entitled has spoken, without quorum, without the
    /// majority, above the proposed amount, or when the matter changed since it was put on the
    /// agenda; refused by the matter when the recorder may not record (the office or a principal,
    /// never the initiator or payee). <paramref name="decidedAmount"/> null: the proposed amount.
    /// </summary>
    public Result<ItemOutcome> Approve(AgendaItemId itemId, Matter matter, decimal? decidedAmount, string? conditions, PersonId recordedBy, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        var ready = CheckDecidable(itemId, matter, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (!tally.MajorityMet)
        {
            var of = tally.MajorityBase == tally.Entitled && !tally.Personnel ? "members entitled to vote" : "team members (absent included, recused excluded)";
            return Result<ItemOutcome>.Refused(tally.Rule, $"{item} has {tally.Agree} agreeing of {tally.MajorityBase} {of}; approval needs {tally.MajorityNeeded} ({(tally.Personnel ? Rules.PersonnelMajority : Rules.Majority)}). A tie is not a majority; reject or defer it.");
        }

        var amount = decidedAmount ?? item.ProposedAmount;
        if (amount > item.ProposedAmount)
        {
            return Result<ItemOutcome>.Refused("R43", $"{item} proposed {MatterRules.Yuan(item.ProposedAmount)}; the meeting may approve that or less, never {MatterRules.Yuan(amount)}. A higher amount needs a new matter.");
        }

        var terms = new CollectiveDecisionTerms(amount, item.Payee, conditions?.Trim() ?? string.Empty, ReferenceOf(item), now);
        var bound = matter.RecordCollectiveDecision(terms, recordedBy, org, now);
        if (!bound.IsOk)
        {
            return bound.Refusal!;
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Approved, amount, item.Payee, terms.Conditions, string.Empty, bound.Value.Id, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>
    /// The meeting rejects an item; its matter is rejected. Refused before everyone entitled has
    /// spoken, without quorum (defer it instead), without a reason, and when the majority agreed:
    /// nobody — the chair included — overrules the team.
    /// </summary>
    public Result<ItemOutcome> Reject(AgendaItemId itemId, Matter matter, string reason, PersonId recordedBy, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        var ready = CheckDecidable(itemId, matter, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (tally.MajorityMet)
        {
            return Result<ItemOutcome>.Refused(tally.Rule, $"{tally.Agree} of {tally.MajorityBase} agreed on {item}: the team approved it by majority, and nobody overrules the team.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result<ItemOutcome>.Refused("R43", $"Rejecting {item} needs a reason.");
        }

        var rejected = matter.Act(new ActRequest(recordedBy, ActionKind.Reject, reason.Trim(), ReferenceOf(item)), org, now);
        if (!rejected.IsOk)
        {
            return rejected.Refusal!;
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Rejected, null, Payee.None, string.Empty, reason.Trim(), rejected.Value.Id, recordedBy, now);
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
            return Result<ItemOutcome>.Refused("R43", $"Deferring {item} needs a reason.");
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
            return Result<MinutesRecord>.Refused("R43", $"{string.Join(", ", undecided)} still wait(s) for an outcome; approve, reject or defer each item before drawing up the minutes.");
        }

        var record = new MinutesRecord(Id, CountyId, 1, null, Minutes.Write(this, []), now);
        _minutes.Add(record);
        State = MeetingState.Closed;
        ClosedAt = now;
        return Result<MinutesRecord>.Ok(record);
    }

    /// <summary>
    /// An attendee signs a minutes record in the application. Refused for a superseded record, for
    /// anyone not recorded present, and for a second signature. When every present attendee has
    /// signed, the record is final.
    /// </summary>
    public Result<MinutesSignature> SignMinutes(MinutesId minutesId, PersonId signer, DateTimeOffset now)
    {
        var record = _minutes.FirstOrDefault(m => m.Id == minutesId);
        if (record is null)
        {
            return Result<MinutesSignature>.Refused("R43", $"Meeting {Id} has no minutes {minutesId}.");
        }

        if (record != CurrentMinutes)
        {
            return Result<MinutesSignature>.Refused("R43", $"Minutes version {record.Version} was superseded by a correction; sign version {CurrentMinutes!.Version}.");
        }

        var name = MemberOf(signer)?.Name ?? signer.ToString();
        if (!record.Content.RequiredSigners.Contains(signer))
        {
            return Result<MinutesSignature>.Refused("R43", $"{name} did not attend the meeting; only attendees sign its minutes.");
        }

        if (record.Signatures.Any(s => s.PersonId == signer))
        {
            return Result<MinutesSignature>.Refused("R43", $"{name} has already signed minutes version {record.Version}.");
        }

        return Result<MinutesSignature>.Ok(record.AddSignature(signer, now));
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
            return Result<MinutesRecord>.Refused("R43", "There are no minutes to correct yet.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Result<MinutesRecord>.Refused("R43", "A correction needs a note saying what is corrected.");
        }

        if (MemberOf(by) is not { } corrector || !current.Content.RequiredSigners.Contains(by))
        {
            return Result<MinutesRecord>.Refused("R43", $"{MemberOf(by)?.Name ?? by.ToString()} did not attend the meeting; only an attendee proposes a correction.");
        }

        var corrections = current.Content.Corrections.Append(new MinutesCorrection(note.Trim(), by, corrector.Name, now)).ToList();
        var record = new MinutesRecord(Id, CountyId, current.Version + 1, current.Id, Minutes.Write(this, corrections), now);
        _minutes.Add(record);
        return Result<MinutesRecord>.Ok(record);
    }

    private MeetingMember? MemberOf(PersonId person) => _members.FirstOrDefault(m => m.PersonId == person);

    private Result<Attendance> RecordAttendance(PersonId member, bool present, string reason, DateTimeOffset now)
    {
        var recording = CheckRecording();
        if (!recording.IsOk)
        {
            return recording.Refusal!;
        }

        if (MemberOf(member) is not { } m)
        {
            return Result<Attendance>.Refused("R43", $"{member} is not a team member of this meeting on {MatterRules.Day(MeetingDate)}.");
        }

        if (AttendanceOf(member) is not null)
        {
            return Result<Attendance>.Refused("R43", $"{m.Name}'s attendance is already recorded.");
        }

        if (!present && string.IsNullOrWhiteSpace(reason))
        {
            return Result<Attendance>.Refused("R43", $"{m.Name} is absent: record the reason for the absence.");
        }

        var row = new Attendance(Id, CountyId, member, present, present ? string.Empty : reason.Trim(), now);
        _attendance.Add(row);
        return Result<Attendance>.Ok(row);
    }

    private Outcome CheckRecording() => State switch
    {
        MeetingState.InSession => Outcome.Ok,
        MeetingState.Scheduled => Outcome.Refused("R43", "The meeting has not opened; open it before recording."),
        MeetingState.Closed => Outcome.Refused("R43", MinutesAreFinal
            ? "The minutes are signed and final; nothing more is recorded on this meeting (a correction is a new minutes record)."
            : "The minutes are drawn up; nothing more is recorded on this meeting (a correction is a new minutes record)."),
        MeetingState.Cancelled => Outcome.Refused("R43", "The meeting was cancelled."),
    };

    private Outcome CheckAttendanceComplete()
    {
        var missing = _members.Where(m => AttendanceOf(m.PersonId) is null).Select(m => m.Name).ToList();
        return missing.Count == 0
            ? Outcome.Ok
            : Outcome.Refused("R43", $"Record every member's attendance first; not yet recorded: {string.Join("、", missing)}.");
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
            return Outcome.Refused("R43", $"The meeting has no agenda item {itemId}.");
        }

        item = found;
        return OutcomeOf(itemId) is { } outcome
            ? Outcome.Refused("R43", $"{item} is already {outcome.Kind}; its record does not change.")
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
            return Outcome.Refused("R43", $"{item} is about another matter than \"{matter.Title}\".");
        }

        if (matter.Amount != item.ProposedAmount || matter.Payee != item.Payee)
        {
            return Outcome.Refused("R43", $"The matter \"{matter.Title}\" changed since it was put on the agenda (amount or payee); defer {item} and table it again.");
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
            return Outcome.Refused("R43", $"{item} cannot be decided before every member entitled has spoken; still to speak: {string.Join("、", waiting)}.");
        }

        if (!tally.QuorumMet)
        {
            var quorum = tally.Personnel ? Rules.PersonnelQuorum : Rules.Quorum;
            return Outcome.Refused(tally.Rule, $"{item} has no quorum: {tally.Entitled} of {tally.QuorumBase} members (recused excluded) present, {tally.QuorumNeeded} needed ({quorum}{(tally.Personnel ? ", a personnel item" : string.Empty)}). Defer it.");
        }

        return Outcome.Ok;
    }
}

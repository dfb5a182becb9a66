using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Collective decisions in recorded team meetings (R43; R5, R11, R14, R18, R21, R23). Each call is
/// one unit of work on the ledger writer: it loads the whole meeting (and the matter it decides,
/// with its actions), lets the core decide, and the writer ledgers every row that changed — the
/// outcome and the matter's new action in the same transaction. A refusal changes nothing. The
/// members' notifications (<see cref="MeetingNotices"/>) are rows of the same unit of work, so a
/// meeting is never scheduled without its members being told, nor told of one that was refused.
/// </summary>
public sealed class MeetingOperations(LedgerWriter writer)
{
    /// <summary>
    /// Schedules a meeting of the unit's team, frozen with its team, chair and rules of decision —
    /// the county's rules in force when <see cref="ScheduleMeeting.Rules"/> is null (R43) — and
    /// notifies every member in the same transaction.
    /// </summary>
    public Task<Result<Meeting>> ScheduleAsync(ScheduleMeeting command, PersonId actor) =>
        writer.ExecuteAsync(command.CountyId, "meeting.scheduled", ctx =>
        {
            if (!ctx.Db.Units.AsNoTracking().Any(u => u.Id == command.UnitId && u.CountyId == command.CountyId))
            {
                return Refusal.NotFound($"Unit {command.UnitId}");
            }

            if (NotRecorder(ctx, command.UnitId, actor) is { } refused)
            {
                return refused;
            }

            var org = OrganizationOperations.LoadUnitView(ctx.Db, command.CountyId, command.UnitId);
            var rules = command.Rules ?? DecisionRulesOf(ctx.Db, command.CountyId);
            var meeting = Meeting.Schedule(command with { Rules = rules }, org, ctx.Now);
            if (meeting.IsOk)
            {
                ctx.Db.Add(meeting.Value);
                ctx.Db.AddRange(MeetingNotices.Scheduled(meeting.Value, ctx.Now));
            }

            return meeting;
        });

    /// <summary>
    /// The county administrator sets the county's rules of decision (R43): a new version, refused
    /// below the floor (more than half; two thirds for personnel quorum). Meetings already
    /// scheduled keep the rules they froze.
    /// </summary>
    public Task<Result<CountyDecisionRules>> SetDecisionRulesAsync(CountyId county, DecisionRules rules, string setBy) =>
        writer.ExecuteAsync(county, "county.decision_rules_set", ctx =>
        {
            if (!ctx.Db.Counties.AsNoTracking().Any(c => c.Id == county))
            {
                return Refusal.NotFound($"County {county}");
            }

            var current = ctx.Db.Set<CountyDecisionRules>().AsNoTracking().Where(r => r.CountyId == county).OrderByDescending(r => r.Version).FirstOrDefault();
            var set = CountyDecisionRules.Set(county, rules, current, setBy, ctx.Now);
            if (set.IsOk)
            {
                ctx.Db.Add(set.Value);
            }

            return set;
        });

    /// <summary>The county's rules of decision in force: its latest version, or <see cref="DecisionRules.Default"/>.</summary>
    public static DecisionRules DecisionRulesOf(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<CountyDecisionRules>().AsNoTracking().Where(r => r.CountyId == county).OrderByDescending(r => r.Version).FirstOrDefault()?.Rules
            ?? DecisionRules.Default;
    }

    /// <summary>The county's versions of its rules of decision, newest first.</summary>
    public static IReadOnlyList<CountyDecisionRules> DecisionRulesHistory(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<CountyDecisionRules>().AsNoTracking().Where(r => r.CountyId == county).OrderByDescending(r => r.Version)];
    }

    /// <summary>Puts a matter waiting at its collective-decision step on the agenda (not while another meeting holds it undecided).</summary>
    public Task<Result<AgendaItem>> AddItemAsync(CountyId county, MeetingId meetingId, MatterId matterId, AgendaItemRequest request, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.item_added", (ctx, meeting) =>
        {
            var matter = ctx.Db.Matters.AsNoTracking().Include(m => m.Actions).SingleOrDefault(m => m.Id == matterId && m.CountyId == county);
            if (matter is null)
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            // Cancelled and bound meetings hold no matter; a closed one holds its decided items
            // until its minutes are signed (R43).
            var others = WithRows(ctx.Db.Set<Meeting>().AsNoTracking())
                .Where(m => m.CountyId == county && m.UnitId == meeting.UnitId && m.Id != meetingId)
                .Where(m => m.State == MeetingState.Scheduled || m.State == MeetingState.InSession || m.State == MeetingState.Closed)
                .ToList();
            var added = meeting.AddItem(matter, request, others, ctx.Now);
            if (added.IsOk)
            {
                ctx.Db.AddRange(MeetingNotices.ItemAdded(meeting, added.Value, ctx.Now));
            }

            return added;
        });

    /// <summary>A person declares a relative (亲属关系申报); meetings opened afterwards recuse them both ways.</summary>
    public Task<Result<RelativeDeclaration>> DeclareRelativeAsync(CountyId county, PersonId person, PersonId relative, string relationship) =>
        writer.ExecuteAsync(county, "relative.declared", ctx =>
        {
            foreach (var id in new[] { person, relative })
            {
                if (!ctx.Db.People.AsNoTracking().Any(p => p.Id == id && p.CountyId == county))
                {
                    return Refusal.NotFound($"Person {id}");
                }
            }

            var existing = ctx.Db.Set<RelativeDeclaration>().AsNoTracking()
                .Where(r => r.CountyId == county && (r.PersonId == person || r.RelativeId == person))
                .AsEnumerable()
                .Select(r => r.ToRelation())
                .ToList();
            var declared = RelativeDeclaration.Declare(county, person, relative, relationship, existing, ctx.Now);
            if (declared.IsOk)
            {
                ctx.Db.Add(declared.Value);
            }

            return declared;
        });

    /// <summary>Opens the meeting: the agenda is fixed and automatic recusals are recorded, with the county's declared relatives.</summary>
    public Task<Result<Meeting>> OpenAsync(CountyId county, MeetingId meetingId, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.opened", (ctx, meeting) =>
        {
            var members = meeting.Members.Select(m => m.PersonId).ToList();
            var relations = ctx.Db.Set<RelativeDeclaration>().AsNoTracking()
                .Where(r => r.CountyId == county && (members.Contains(r.PersonId) || members.Contains(r.RelativeId)))
                .AsEnumerable()
                .Select(r => r.ToRelation())
                .ToList();
            var org = OrganizationOperations.LoadUnitView(ctx.Db, county, meeting.UnitId);
            var opened = meeting.Open(relations, org, ctx.Now);
            return opened.IsOk ? Result<Meeting>.Ok(meeting) : opened.Refusal!;
        });

    /// <summary>Cancels a meeting that has not opened; its matters go back to the queue; its members are told.</summary>
    public Task<Result<Meeting>> CancelAsync(CountyId county, MeetingId meetingId, string reason, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.cancelled", (ctx, meeting) =>
        {
            var cancelled = meeting.Cancel(reason, ctx.Now);
            if (!cancelled.IsOk)
            {
                return cancelled.Refusal!;
            }

            ctx.Db.AddRange(MeetingNotices.Cancelled(meeting, ctx.Now));
            return Result<Meeting>.Ok(meeting);
        });

    public Task<Result<Attendance>> MarkPresentAsync(CountyId county, MeetingId meetingId, PersonId member, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.attendance_recorded", (ctx, meeting) => meeting.MarkPresent(member, ctx.Now));

    /// <summary>The attendance of several members from one form, in one unit of work: all recorded, or none.</summary>
    public Task<Result<IReadOnlyList<Attendance>>> RecordAttendanceAsync(CountyId county, MeetingId meetingId, IReadOnlyList<AttendanceMark> marks, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.attendance_recorded", (ctx, meeting) => meeting.RecordAttendance(marks, ctx.Now));

    public Task<Result<Attendance>> MarkAbsentAsync(CountyId county, MeetingId meetingId, PersonId member, string reason, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.attendance_recorded", (ctx, meeting) => meeting.MarkAbsent(member, reason, ctx.Now));

    public Task<Result<Recusal>> DeclareRecusalAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, PersonId member, string reason, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.recusal_declared", (ctx, meeting) => meeting.DeclareRecusal(itemId, member, reason, ctx.Now));

    /// <summary>A member's opinion in speaking order; a principal's is refused while others have not spoken (末位表态, R43).</summary>
    public Task<Result<Opinion>> RecordOpinionAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, PersonId member, OpinionKind kind, string? reason, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.opinion_recorded", (ctx, meeting) => meeting.RecordOpinion(itemId, member, kind, reason, ctx.Now));

    /// <summary>
    /// Approves an item with the decided amount, payee and conditions; the matter is bound when the
    /// minutes are signed (R43). <paramref name="decidedAmount"/> null: the amount proposed.
    /// </summary>
    public Task<Result<ItemOutcome>> ApproveAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, decimal? decidedAmount, string? conditions, PersonId recordedBy) =>
        OnItemMatter(county, meetingId, itemId, recordedBy, "meeting.item_approved", (ctx, meeting, matter) =>
        {
            // R4, R43: the team's approval may not take the matter's budget line below zero either.
            var budget = BudgetOperations.CheckSpending(ctx, matter, decidedAmount ?? matter.Amount);
            return budget.IsOk ? meeting.Approve(itemId, matter, decidedAmount, conditions, recordedBy, ctx.Now) : budget.Refusal!;
        });

    /// <summary>Rejects an item; its matter is rejected when the minutes are signed.</summary>
    public Task<Result<ItemOutcome>> RejectAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, string reason, PersonId recordedBy) =>
        OnItemMatter(county, meetingId, itemId, recordedBy, "meeting.item_rejected", (ctx, meeting, matter) =>
            meeting.Reject(itemId, matter, reason, recordedBy, ctx.Now));

    /// <summary>The meeting hears an item that informs the team (R6); the matter's step completes when the minutes are signed.</summary>
    public Task<Result<ItemOutcome>> NoteAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, PersonId recordedBy) =>
        OnItemMatter(county, meetingId, itemId, recordedBy, "meeting.item_noted", (ctx, meeting, matter) =>
            meeting.Note(itemId, matter, recordedBy, ctx.Now));

    /// <summary>Defers an item (暂缓): its matter goes back to the unit's agenda queue.</summary>
    public Task<Result<ItemOutcome>> DeferAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, string reason, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.item_deferred", (ctx, meeting) => meeting.Defer(itemId, reason, ctx.Now));

    /// <summary>Draws up the minutes from the recorded rows and closes the meeting; every attendee is asked to sign.</summary>
    public Task<Result<MinutesRecord>> DrawUpMinutesAsync(CountyId county, MeetingId meetingId, PersonId actor) =>
        AsRecorder(county, meetingId, actor, "meeting.minutes_drawn_up", (ctx, meeting) => AskToSign(ctx, meeting, meeting.DrawUpMinutes(ctx.Now)));

    /// <summary>
    /// An attendee signs the current minutes (with an objection, or none); with the last signature
    /// they are final and the meeting's outcomes bind their matters in the same transaction (R43).
    /// </summary>
    public Task<Result<MinutesSignature>> SignMinutesAsync(CountyId county, MeetingId meetingId, MinutesId minutesId, PersonId signer, string? objection = null) =>
        OnMeeting(county, meetingId, "meeting.minutes_signed", (ctx, meeting) => Binding(ctx, meeting, signer, bind => meeting.SignMinutes(minutesId, signer, objection, bind, ctx.Now)));

    /// <summary>
    /// The unit's discipline member records why a member present has not signed within the signing
    /// period; when nothing else is missing the minutes are final and the outcomes bind (R43).
    /// </summary>
    public Task<Result<MissingSignature>> RecordMissingSignatureAsync(CountyId county, MeetingId meetingId, PersonId member, string reason, PersonId recordedBy, DateOnly today) =>
        OnMeeting(county, meetingId, "meeting.missing_signature_recorded", (ctx, meeting) =>
            Binding(ctx, meeting, member, bind => meeting.RecordMissingSignature(member, reason, recordedBy, OrganizationOperations.LoadUnitView(ctx.Db, county, meeting.UnitId), today, CountyChangeOperations.CalendarInForce(ctx.Db, county), bind, ctx.Now)));

    /// <summary>A correction (更正): a new minutes record superseding the current one, to be signed again (every attendee is asked).</summary>
    public Task<Result<MinutesRecord>> CorrectMinutesAsync(CountyId county, MeetingId meetingId, string note, PersonId by) =>
        OnMeeting(county, meetingId, "meeting.minutes_corrected", (ctx, meeting) => AskToSign(ctx, meeting, meeting.CorrectMinutes(note, by, ctx.Now)));

    /// <summary>
    /// R43: reports to each unit's discipline member every attendee who has not signed minutes within
    /// the signing period (once per member and minutes version). Run by the server in the background;
    /// returns how many were reported.
    /// </summary>
    public async Task<int> ReportOverdueSignaturesAsync(CountyId county, DateOnly today)
    {
        var reported = await writer.ExecuteAsync(county, "meeting.signatures_overdue", ctx =>
        {
            var notices = new List<Notification>();
            var waiting = WithRows(ctx.Db.Set<Meeting>().AsNoTracking()).Where(m => m.CountyId == county && m.State == MeetingState.Closed).ToList();
            var calendar = CountyChangeOperations.CalendarInForce(ctx.Db, county);
            foreach (var meeting in waiting.Where(m => m.OverdueSigners(today, calendar).Count > 0))
            {
                var org = OrganizationOperations.LoadUnitView(ctx.Db, county, meeting.UnitId);
                var discipline = org.PeopleWithRole(meeting.UnitId, Core.Organization.Role.DisciplineMember, today);
                var told = ctx.Db.Set<Notification>().AsNoTracking()
                    .Where(n => n.CountyId == county && n.Kind == NotificationKind.SignatureOverdue && n.SubjectId == meeting.Id.Value)
                    .AsEnumerable()
                    .Select(n => (n.RecipientId, n.TextArgs[1], n.TextArgs[2]))
                    .ToHashSet();
                notices.AddRange(MeetingNotices.SignaturesOverdue(meeting, discipline, today, calendar, told, ctx.Now));
            }

            ctx.Db.AddRange(notices);
            return Result<int>.Ok(notices.Count);
        });
        return reported.IsOk ? reported.Value : 0;
    }

    /// <summary>The unit's agenda queue (待上会事项): matters at a collective-decision step not held by a scheduled or open meeting, oldest first.</summary>
    public static IReadOnlyList<Matter> AgendaQueue(FenquanDbContext db, CountyId county, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = db.Matters.AsNoTracking().Include(m => m.Actions)
            .Where(m => m.CountyId == county && m.UnitId == unit && m.State == MatterState.Pending)
            .ToList();
        var meetings = WithRows(db.Set<Meeting>().AsNoTracking())
            .Where(m => m.CountyId == county && m.UnitId == unit)
            .Where(m => m.State == MeetingState.Scheduled || m.State == MeetingState.InSession || m.State == MeetingState.Closed)
            .ToList();
        return Core.Meetings.AgendaQueue.Waiting(unit, pending, meetings);
    }

    /// <summary>The unit's meetings, newest first, without their rows (for lists).</summary>
    public static IReadOnlyList<Meeting> MeetingsOf(FenquanDbContext db, CountyId county, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<Meeting>().AsNoTracking().Where(m => m.CountyId == county && m.UnitId == unit).AsEnumerable().OrderByDescending(m => m.ScheduledAt)];
    }

    /// <summary>A meeting with its members, items, attendance, recusals, opinions, outcomes, minutes and signatures; untracked; null when the county has none.</summary>
    public static Meeting? Find(FenquanDbContext db, CountyId county, MeetingId id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return WithRows(db.Set<Meeting>().AsNoTracking()).SingleOrDefault(m => m.Id == id && m.CountyId == county);
    }

    /// <summary>The meeting's minutes records, oldest first (the last is current), with their signatures.</summary>
    public static IReadOnlyList<MinutesRecord> MinutesOf(FenquanDbContext db, CountyId county, MeetingId id) =>
        Find(db, county, id)?.MinutesRecords ?? [];

    /// <summary>The whole aggregate, tracked, for a unit of work; null when the county has none.</summary>
    public static Meeting? Load(FenquanDbContext db, CountyId county, MeetingId id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return WithRows(db.Set<Meeting>()).SingleOrDefault(m => m.Id == id && m.CountyId == county);
    }

    /// <summary>
    /// The aggregate's rows in a stable order: the core reads the current minutes as the last
    /// record and numbers opinions by position, so every collection is loaded ordered.
    /// </summary>
    private static IQueryable<Meeting> WithRows(IQueryable<Meeting> meetings) => meetings
        .Include(m => m.Members.OrderBy(r => r.Id))
        .Include(m => m.Items.OrderBy(r => r.Number))
        .Include(m => m.Attendances.OrderBy(r => r.Id))
        .Include(m => m.Recusals.OrderBy(r => r.Id))
        .Include(m => m.Opinions.OrderBy(r => r.Sequence))
        .Include(m => m.Outcomes.OrderBy(r => r.Id))
        .Include(m => m.MinutesRecords.OrderBy(r => r.Version)).ThenInclude(r => r.Signatures.OrderBy(s => s.Id))
        .Include(m => m.MinutesRecords).ThenInclude(r => r.Explanations.OrderBy(s => s.Id))
        .AsSplitQuery();

    /// <summary>The relations the person declared: those they declared, oldest first.</summary>
    public static IReadOnlyList<RelativeDeclaration> RelativesDeclaredBy(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<RelativeDeclaration>().AsNoTracking().Where(r => r.CountyId == county && r.PersonId == person).AsEnumerable().OrderBy(r => r.DeclaredAt)];
    }

    private static Result<MinutesRecord> AskToSign(WriteContext ctx, Meeting meeting, Result<MinutesRecord> record)
    {
        if (record.IsOk)
        {
            // A correction supersedes the earlier versions: their requests to sign are answered.
            MeetingNotices.SettleSigned(meeting, null, UnreadAbout(ctx, meeting), ctx.Now);
            ctx.Db.AddRange(MeetingNotices.MinutesToSign(meeting, record.Value, ctx.Now));
        }

        return record;
    }

    /// <summary>
    /// A signature (or a recorded missing one) of <paramref name="person"/>: their request to sign is
    /// answered; when it makes the minutes final, the meeting's outcomes bind their matters inside the
    /// core, a budget raise they approve raises its line in the same unit of work (R4–R6), as a single
    /// approver's approval does in MatterOperations, and each matter bound is noticed like any action
    /// on it (its initiator hears the outcome, the next step's people their task).
    /// </summary>
    private static Result<T> Binding<T>(WriteContext ctx, Meeting meeting, PersonId person, Func<Func<MatterId, Matter?>, Result<T>> sign)
    {
        var seen = new Dictionary<MatterId, (Matter Matter, MatterState Before)>();
        var signed = sign(id =>
        {
            var matter = MatterOperations.Load(ctx, id);
            if (matter is not null)
            {
                seen.TryAdd(id, (matter, matter.State));
            }

            return matter;
        });
        if (!signed.IsOk)
        {
            return signed;
        }

        foreach (var (matter, _) in seen.Values.Where(s => s.Before != MatterState.Approved && s.Matter.State == MatterState.Approved))
        {
            var raised = BudgetOperations.RaiseOnApproval(ctx, matter);
            if (!raised.IsOk)
            {
                return raised.Refusal!;
            }
        }

        MeetingNotices.SettleSigned(meeting, person, UnreadAbout(ctx, meeting), ctx.Now);
        foreach (var (matter, _) in seen.Values)
        {
            if (matter.Actions.LastOrDefault(a => a.At == ctx.Now && a.ExternalReference is not null) is { } bound)
            {
                MatterNoticeWriter.Acted(ctx, matter, bound);
            }
        }

        return signed;
    }

    private static List<Notification> UnreadAbout(WriteContext ctx, Meeting meeting)
    {
        var id = meeting.Id.Value;
        return ctx.Db.Set<Notification>().Where(n => n.SubjectId == id && n.ReadAt == null && n.CountyId == ctx.County).ToList();
    }

    private Task<Result<T>> OnMeeting<T>(CountyId county, MeetingId meetingId, string kind, Func<WriteContext, Meeting, Result<T>> work) =>
        writer.ExecuteAsync(county, kind, ctx =>
        {
            var meeting = Load(ctx.Db, county, meetingId);
            return meeting is null ? Refusal.NotFound($"Meeting {meetingId}") : work(ctx, meeting);
        });

    // R43: every part a recorder records is checked here, whoever calls (page, API, command, seeder):
    // the office reviewer or a principal of the meeting's unit on the day (MeetingAccess); anyone
    // who does not even see the unit's meetings is told the meeting does not exist.
    private Task<Result<T>> AsRecorder<T>(CountyId county, MeetingId meetingId, PersonId actor, string kind, Func<WriteContext, Meeting, Result<T>> work) =>
        OnMeeting(county, meetingId, kind, (ctx, meeting) => NotRecorder(ctx, meeting.UnitId, actor) is { } refused ? refused : work(ctx, meeting));

    private static Refusal? NotRecorder(WriteContext ctx, Core.Primitives.UnitId unit, PersonId actor)
    {
        var org = ctx.UnitView(unit);
        var today = ChinaTime.DateOf(ctx.Now);
        var inUnit = org.BelongsTo(unit, actor, today);
        IReadOnlyCollection<Core.Organization.Role> roles = inUnit ? org.RolesOf(unit, actor, today) : [];
        if (!MeetingAccess.MayView(actor, inUnit ? unit : null, roles, unit))
        {
            return Refusal.NotFound("Meeting");
        }

        return MeetingAccess.MayRecord(actor, unit, roles, unit) ? null : MeetingAccess.NotRecorder;
    }

    private Task<Result<T>> OnItemMatter<T>(CountyId county, MeetingId meetingId, AgendaItemId itemId, PersonId recorder, string kind, Func<WriteContext, Meeting, Matter, Result<T>> work) =>
        AsRecorder(county, meetingId, recorder, kind, (ctx, meeting) =>
        {
            if (meeting.Item(itemId) is not { } item)
            {
                return Refusal.NotFound($"Agenda item {itemId}");
            }

            var matter = item.MatterId is { } matterId ? MatterOperations.Load(ctx, matterId) : null;
            return matter is null ? Refusal.NotFound($"Matter {item.MatterId}") : work(ctx, meeting, matter);
        });
}

using System.Buffers.Text;
using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Matters;

/// <summary>A step waiting for the viewer, with when it is due.</summary>
public sealed record TaskItem(Matter Matter, RouteStep Step, int StepIndex, DateTimeOffset Since, DateTimeOffset Due, bool Overdue, PersonId? OnBehalfOf = null);

/// <summary>The order of a task list: by due date, then by matter id.</summary>
public sealed class TaskOrder : IComparer<TaskItem>
{
    public static TaskOrder Instance { get; } = new();

    public int Compare(TaskItem? x, TaskItem? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byDue = x.Due.CompareTo(y.Due);
        return byDue != 0 ? byDue : x.Matter.Id.Value.CompareTo(y.Matter.Id.Value);
    }
}

/// <summary>One page of a list and the cursor of the next (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>An action attempt's outcome: the action, or the refusal and whether the viewer had any part in the step.</summary>
public sealed record ActOutcome(Result<MatterAction> Result, bool Forbidden);

/// <summary>A ledger entry of a matter with its inclusion proof against the latest signed tree head (R44).</summary>
public sealed record LedgerItem(long Sequence, DateTimeOffset At, string Kind, string SubjectType, Guid SubjectId, string Data, string LeafHash, IReadOnlyList<string> Proof, bool ProofVerified);

public sealed record SignedHeadView(long TreeSize, string RootHash, DateTimeOffset At, string Signature, string PublicKey);

public sealed record MatterLedger(Matter Matter, IReadOnlyList<LedgerItem> Entries, SignedHeadView? Head);

/// <summary>
/// What pages and the API do with matters, in one place: check the input's shape, find what the
/// viewer may see, and hand every change to the operations (the core decides, the writer ledgers).
/// </summary>
public sealed class MatterService(DbSession session, MatterOperations operations, FenquanStore store, Clock clock, IOptions<FenquanOptions> options, PendingMattersCache pendingCache)
{
    private FenquanDbContext Db => session.Db;

    public async Task<Result<Matter>> SubmitAsync(Viewer viewer, SubmitInput input)
    {
        var shape = InputRules.CheckSubmit(input, viewer.Today);
        if (!shape.IsOk)
        {
            return shape.Refusal!;
        }

        var member = UnitMembership.Require(viewer.Person, viewer.Unit, UnitAct.SubmitMatters);
        if (!member.IsOk)
        {
            return member.Refusal!;
        }

        var (me, unit) = member.Value;

        var kind = input.Kind!.Value;
        var named = (input.PayeePersonId is not null ? 1 : 0) + (input.PayMe ? 1 : 0) + (input.PayeeCounterpartyId is not null ? 1 : 0) + (string.IsNullOrWhiteSpace(input.PayeeName) ? 0 : 1);
        if (named > 1)
        {
            return Refusal.Because(Refusal.InvalidId, "PayeeOnce", "payee: name the payee once — a person of the county (payeePersonId), yourself (payMe), or a registered counterparty (payeeCounterpartyId, or payeeName).");
        }

        Payee payee;
        if (input.PayeePersonId is { } payeeId)
        {
            var name = await Db.People.AsNoTracking().Where(p => p.Id == new PersonId(payeeId) && p.CountyId == viewer.County).Select(p => p.Name).FirstOrDefaultAsync();
            if (name is null)
            {
                return Refusal.NotFound("Person " + payeeId.ToString("D"));
            }

            payee = Payee.Person(new PersonId(payeeId), name);
        }
        else
        {
            // R6: a counterparty by id or by its registered name or code; the operation reads the register.
            payee = input.PayMe ? Payee.Person(me, viewer.Name)
                : input.PayeeCounterpartyId is { } counterparty ? Payee.Counterparty(new CounterpartyId(counterparty), string.Empty)
                : string.IsNullOrWhiteSpace(input.PayeeName) ? Payee.None
                : Payee.Named(input.PayeeName.Trim());
        }

        var command = new SubmitMatter(viewer.County, unit, kind, input.Title!.Trim(), input.Amount ?? 0m, payee, me, viewer.InitiatorKind, MatterFlags.None, input.MatterDate ?? viewer.Today)
        {
            // R40: the operation decides the flags from the county's catalogue and register, and the day of submission is the server's today.
            ItemCode = input.ItemCode,
            SubmittedOn = viewer.Today,
        };
        var claim = input.Lines is null && input.Vouchers is null && input.Reception is null ? null : new Core.Finance.ClaimDetails(input.Lines ?? [], input.Vouchers ?? []) { Reception = input.Reception };
        return await operations.SubmitAsync(command, claim, string.IsNullOrWhiteSpace(input.BudgetLine) ? null : input.BudgetLine.Trim());
    }

    /// <summary>The matter when the viewer may see it; otherwise NotFound (another unit's matter does not exist for them).</summary>
    public async Task<Result<Matter>> GetAsync(Viewer viewer, Guid id)
    {
        var matter = await Db.Matters.AsNoTracking().Include(m => m.Actions).Include(m => m.Changes)
            .FirstOrDefaultAsync(m => m.Id == new MatterId(id) && m.CountyId == viewer.County);
        return matter is not null && viewer.MaySee(matter) ? Result<Matter>.Ok(matter) : Refusal.NotFound("Matter " + id.ToString("D"));
    }

    /// <summary>The actions the viewer may take now (buttons): the step's own action, and reject / return on a deciding step.</summary>
    public static IReadOnlyList<ActionKind> AvailableActions(Viewer viewer, Matter matter) => AvailableActions(viewer, matter, []);

    /// <summary>The same, also for the steps of people who delegated to the viewer (代理); the core still checks each attempt.</summary>
    public static IReadOnlyList<ActionKind> AvailableActions(Viewer viewer, Matter matter, IReadOnlyList<PersonId> actingFor)
    {
        if (viewer.Person is not { } me || viewer.Org is null || matter.CurrentStep is not { } step
            || (!matter.IsWaitingFor(me, viewer.Org) && !actingFor.Any(p => matter.IsWaitingFor(p, viewer.Org))))
        {
            return [];
        }

        return StepActions.IsDeciding(step.Kind)
            ? [StepActions.CompletingAction(step.Kind), ActionKind.Return, ActionKind.Reject]
            : [StepActions.CompletingAction(step.Kind)];
    }

    public async Task<ActOutcome> ActAsync(Viewer viewer, Guid id, ActInput input)
    {
        var shape = InputRules.CheckAct(input);
        if (!shape.IsOk)
        {
            return new(shape.Refusal!, false);
        }

        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Matter " + id.ToString("D")), false);
        }

        // The writer loads the matter and checks that the viewer may see it: no load here on the way in.
        var started = clock.Now;
        var behalf = input.OnBehalfOf is { } other ? new PersonId(other) : (PersonId?)null;
        var result = await operations.ActAsync(viewer.County, new MatterId(id), new ActRequest(me, input.Action!.Value, input.Comment, input.Reference, behalf), viewer.MaySee);
        if (result.IsOk || result.Refusal!.RuleId == Refusal.NotFoundId)
        {
            return new(result, false);
        }

        // Refused by a rule: the matter is as it was, so the state it was refused in can be read back.
        // The core decided; this only chooses between 403 (no part in the step) and 409 (the state).
        // A matter that moved on while this request was on its way, or since the step the client says it
        // saw, is a conflict too: the loser of two racing approvals hears that, not that it had no part.
        var found = await GetAsync(viewer, id);
        var eligible = found.IsOk && viewer.Org is not null
            && (found.Value.IsWaitingFor(me, viewer.Org)
                || found.Value.Actions.Any(a => a.At >= started)
                || (input.Step is { } seen && (seen != found.Value.CurrentStepIndex || (input.Round is { } round && round != found.Value.Round)))
                || (behalf is { } b && (await ActingForAsync(viewer, found.Value)).Contains(b)));
        return new(result, !eligible);
    }

    /// <summary>
    /// Delegators whose steps on this matter the viewer may take now under an active delegation (代理),
    /// for the on-behalf-of choice; the core checks again when the action is taken.
    /// </summary>
    public async Task<IReadOnlyList<PersonId>> ActingForAsync(Viewer viewer, Matter matter)
    {
        if (viewer.Person is not { } me || viewer.Org is null || matter.CurrentStep is null)
        {
            return [];
        }

        var held = await DelegationOperations.ActiveForAsync(Db, viewer.County, me, clock.Now);
        return held.Where(d => d.UnitId == matter.UnitId && d.Covers(matter.Area) && matter.IsWaitingFor(d.DelegatorId, viewer.Org))
            .Select(d => d.DelegatorId).Distinct().ToList();
    }

    /// <summary>R42: the initiator edits title, amount or payee; a material edit sends the matter back through approval.</summary>
    public async Task<Result<Matter>> EditAsync(Viewer viewer, Guid id, EditInput input)
    {
        var shape = InputRules.CheckEdit(input);
        if (!shape.IsOk)
        {
            return shape.Refusal!;
        }

        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        var matter = found.Value;
        // R6: another registered counterparty, by id or by its registered name or code (the operation reads the register).
        var payee = input.PayeeCounterpartyId is { } counterparty ? (new CounterpartyId(counterparty) == matter.Payee.CounterpartyId ? null : Payee.Counterparty(new CounterpartyId(counterparty), string.Empty))
            : input.PayeeName is { } name && name.Trim() != matter.Payee.Name ? Payee.Named(name.Trim())
            : null;
        var edited = await operations.EditAsync(viewer.County, matter.Id, new EditMatter(viewer.Person!.Value, input.Amount, payee, input.Title?.Trim()));
        if (!edited.IsOk)
        {
            return edited.Refusal!;
        }

        return await GetAsync(viewer, id);
    }

    public async Task<Result<MatterChange>> WithdrawAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        return found.IsOk ? await operations.WithdrawAsync(viewer.County, found.Value.Id, viewer.Person!.Value) : found.Refusal!;
    }

    /// <summary>R18, R40: the office corrects a purchase plan's catalogue entry; the core decides who may, the catalogue decides the route.</summary>
    public async Task<Result<MatterChange>> CorrectItemAsync(Viewer viewer, Guid id, string? itemCode)
    {
        if ((itemCode?.Trim().Length ?? 0) is 0 or > InputRules.MaxItemCode)
        {
            return Refusal.Invalid(string.Create(CultureInfo.InvariantCulture, $"itemCode: a catalogue code of 1 to {InputRules.MaxItemCode} characters, or \"none\"."));
        }

        if (viewer.Person is not { } me)
        {
            return Refusal.NotFound("Matter " + id.ToString("D"));
        }

        return await operations.CorrectItemAsync(viewer.County, new MatterId(id), me, itemCode!.Trim(), viewer.MaySee);
    }

    /// <summary>The viewer is an office reviewer of the matter's unit and the matter's catalogue entry may still be corrected (the core checks again).</summary>
    public static bool MayCorrectItem(Viewer viewer, Matter matter) =>
        matter.Kind == MatterKind.PurchasePlan && viewer.Holds(Role.OfficeReviewer) && viewer.Unit == matter.UnitId && viewer.Person != matter.InitiatorId
        && matter.State is MatterState.Pending or MatterState.Returned && matter.DecidedTerms is null;

    public async Task<Result<MatterChange>> ResubmitAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        return found.IsOk ? await operations.ResubmitAsync(viewer.County, found.Value.Id, viewer.Person!.Value) : found.Refusal!;
    }

    /// <summary>
    /// Steps waiting for the viewer now, oldest first, with due dates. The core decides each one
    /// (<see cref="Matter.IsWaitingFor"/>); this only chooses which pending matters to hand it. First a
    /// light read of the unit's pending matters (index on county, unit, state: a few hundred even with
    /// a million matters in the database): each one's route and how many of its steps are done, which
    /// names the current step's actor. Only matters whose current step the viewer's roles could fill
    /// are then loaded whole with their actions, with when each last changed (which only moves the
    /// "since" date), and kept for holders of the same roles until a matter of the county changes
    /// (<see cref="PendingMattersCache"/>). With a delegation held, every pending matter is a candidate.
    /// The decided, ordered list is kept per viewer too, and patched by the matters a refresh replaced
    /// (<see cref="PendingMattersCache.TasksFor"/>).
    /// </summary>
    public async Task<IReadOnlyList<TaskItem>> TasksAsync(Viewer viewer)
    {
        if (viewer.Person is not { } me || viewer.Unit is not { } unit || viewer.Org is null)
        {
            return [];
        }

        // Steps of people who delegated to the viewer (代理) are the viewer's tasks too, marked for whom.
        var held = await DelegationOperations.ActiveForAsync(Db, viewer.County, me, clock.Now);
        var roles = (await Db.Memberships.AsNoTracking().Where(m => m.CountyId == viewer.County && m.UnitId == unit && m.PersonId == me).Select(m => m.Role).ToListAsync()).ToHashSet();
        var rolesKey = string.Join(',', roles.Order());
        var candidates = await pendingCache.GetOrLoadAsync(
            viewer.County, unit, rolesKey, everyMatter: held.Count > 0,
            WholeLoad(viewer.County, unit, roles, everyMatter: held.Count > 0),
            changed => LoadCandidatesAsync(Db, viewer.County, unit, roles, everyMatter: held.Count > 0, only: changed));
        var now = clock.Now;
        var calendar = CountyChangeOperations.CalendarInForce(Db, viewer.County);
        var limits = options.Value.StepTimeLimits();
        PersonId? ForWhom(Matter m) => held.FirstOrDefault(d => d.UnitId == m.UnitId && d.Covers(m.Area) && m.IsWaitingFor(d.DelegatorId, viewer.Org))?.DelegatorId;

        // The core decides which of these matters wait for the viewer; dated and ordered by due date.
        List<TaskItem> Decide(IEnumerable<Matter> matters) => matters
            .Where(m => m.InitiatorId != me)
            .Select(m => (Matter: m, Own: m.IsWaitingFor(me, viewer.Org), For: held.Count == 0 ? null : ForWhom(m)))
            .Where(t => t.Own || t.For is not null)
            .Select(t =>
            {
                var m = t.Matter;
                var since = new[] { m.SubmittedAt, candidates.LastChanges.GetValueOrDefault(m.Id, m.SubmittedAt) }.Concat(m.Actions.Select(a => a.At)).Max();
                // R46: the step's limit counts on the official calendar; it is due at the end of its last day.
                var due = clock.EndOf(limits.For(m.CurrentStep!.Kind).DueOn(clock.DayOf(since), calendar));
                return new TaskItem(m, m.CurrentStep!, m.CurrentStepIndex, since, due, due < now, t.Own ? null : t.For);
            })
            .OrderBy(t => t, TaskOrder.Instance)
            .ToList();

        // Kept per viewer only without delegations held: those are read per request and change who a task is for.
        return held.Count == 0
            ? pendingCache.TasksFor(viewer.County, me, candidates, viewer.Org, now, Decide)
            : Decide(candidates.Matters);
    }

    /// <summary>
    /// The unit's pending matters whose current step's actor someone holding <paramref name="roles"/>
    /// (the roles the viewer holds or held in the unit) could be; the viewer's own matters are left
    /// out per request, so that holders of the same roles share the candidates. Only a pre-selection, generous on purpose: a
    /// matter kept here is still decided by the core, one left out could never be the viewer's.
    /// The route is read as stored text (its step actors parsed once per distinct route), not
    /// converted into a whole matter: that is most of the cost of reading a matter.
    /// </summary>
    private static async Task<List<MatterId>> TaskCandidatesAsync(FenquanDbContext db, CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter, IReadOnlySet<Guid>? only)
    {
        if (only is { Count: 0 })
        {
            return [];
        }

        object Key(Guid id) => SqlKey(db, id);
        List<object> parameters = [Key(county.Value), Key(unit.Value), nameof(MatterState.Pending), nameof(ActionKind.Reject), nameof(ActionKind.Return)];
        var sql = """
            SELECT m."Id" AS "Id", m."Route" AS "Route",
                (SELECT COUNT(*) FROM matter_actions a WHERE a."MatterId" = m."Id" AND a."Round" = m."Round" AND a."Kind" <> {3} AND a."Kind" <> {4}) AS "Done"
            FROM matters m
            WHERE m."CountyId" = {0} AND m."UnitId" = {1} AND m."State" = {2}
            """;
        if (only is not null)
        {
            // Only the matters a commit changed (PendingMattersCache refreshing its candidates).
            sql += " AND m.\"Id\" IN (" + string.Join(", ", only.Select((_, i) => "{" + (parameters.Count + i).ToString(CultureInfo.InvariantCulture) + "}")) + ")";
            parameters.AddRange(only.Select(Key));
        }

        var rows = await db.Database.SqlQueryRaw<PendingStepRow>(sql, [.. parameters]).ToListAsync();
        if (everyMatter)
        {
            return rows.Select(r => new MatterId(r.Id)).ToList();
        }

        var kept = new List<MatterId>();
        foreach (var row in rows)
        {
            var actors = StepActors(row.Route);
            if (row.Done < 0 || row.Done >= actors.Count || CouldFill(actors[(int)row.Done], roles))
            {
                kept.Add(new MatterId(row.Id));
            }
        }

        return kept;
    }

    /// <summary>
    /// The candidates (<see cref="TaskCandidatesAsync"/>) loaded whole with their actions, and when each
    /// last changed: what <see cref="PendingMattersCache"/> keeps for a unit and a set of roles.
    /// </summary>
    /// <param name="only">Only these matters (the ones a commit changed), or all of the unit's.</param>
    private static async Task<PendingCandidates> LoadCandidatesAsync(FenquanDbContext db, CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter, IReadOnlySet<Guid>? only)
    {
        var candidates = await TaskCandidatesAsync(db, county, unit, roles, everyMatter, only);
        var pending = new List<Matter>(candidates.Count);
        foreach (var chunk in candidates.Chunk(500))
        {
            var ids = chunk.ToList();
            pending.AddRange(await db.Matters.AsNoTracking().Include(m => m.Actions)
                .Where(m => m.CountyId == county && m.UnitId == unit && m.State == MatterState.Pending && ids.Contains(m.Id))
                .ToListAsync());
        }

        return new PendingCandidates(pending, await LastChangesAsync(db, county, candidates));
    }

    /// <summary>
    /// The candidates loaded whole on a context of their own: the load may be shared by requests that
    /// wait for it, or run in the background (<see cref="PendingMattersCache"/>), past the request that began it.
    /// </summary>
    private Func<Task<PendingCandidates>> WholeLoad(CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter)
    {
        return async () =>
        {
            await using var db = store.Context();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return await LoadCandidatesAsync(db, county, unit, roles, everyMatter, only: null);
        };
    }

    /// <summary>
    /// Whether someone holding <paramref name="roles"/> could ever act for this step actor: the core's
    /// table (<see cref="StepAuthority.CouldFill"/>), the one <c>Matter.CheckAuthority</c> reads. An actor
    /// kind the stored route names but this version cannot read is kept: the core refuses it anyway.
    /// </summary>
    private static bool CouldFill(ActorSpec actor, HashSet<Role> roles) => !Enum.IsDefined(actor.Kind) || StepAuthority.CouldFill(actor, roles);

    /// <summary>The step actors of a stored route, parsed once per distinct route text (a unit's policy gives a few dozen).</summary>
    private static IReadOnlyList<ActorSpec> StepActors(string route)
    {
        if (RouteActors.TryGetValue(route, out var known))
        {
            return known;
        }

        var actors = new List<ActorSpec>();
        using (var document = System.Text.Json.JsonDocument.Parse(route))
        {
            foreach (var step in document.RootElement.GetProperty("steps").EnumerateArray())
            {
                var kind = Enum.TryParse<ActorKind>(step.GetProperty("actor").GetString(), ignoreCase: true, out var k) ? k : (ActorKind)(-1);
                Role? role = step.TryGetProperty("role", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String && Enum.TryParse<Role>(r.GetString(), ignoreCase: true, out var named) ? named : null;
                actors.Add(new ActorSpec(kind, role));
            }
        }

        if (RouteActors.Count < 10_000)
        {
            RouteActors[route] = actors;
        }

        return actors;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ActorSpec>> RouteActors = new(StringComparer.Ordinal);

    private sealed record PendingStepRow(Guid Id, string Route, long Done);

    /// <summary>When each of these matters was last edited, resubmitted or withdrawn (none: absent).</summary>
    private static async Task<Dictionary<MatterId, DateTimeOffset>> LastChangesAsync(FenquanDbContext db, CountyId county, List<MatterId> matters)
    {
        var last = new Dictionary<MatterId, DateTimeOffset>();
        foreach (var chunk in matters.Chunk(500))
        {
            var ids = chunk.ToList();
            var changes = await db.MatterChanges.AsNoTracking().Where(c => c.CountyId == county && ids.Contains(c.MatterId)).Select(c => new { c.MatterId, c.At }).ToListAsync();
            foreach (var change in changes)
            {
                if (!last.TryGetValue(change.MatterId, out var at) || change.At > at)
                {
                    last[change.MatterId] = change.At;
                }
            }
        }

        return last;
    }

    /// <summary>
    /// Matters newest first, cursor paged. <paramref name="mine"/>: the viewer's own submissions;
    /// otherwise the unit's matters the viewer's role may see (team, office and discipline member:
    /// all; others: those they submitted, are paid by, or acted on). Each page is read off an index
    /// in id order (county, unit, id; or county, initiator, id), never by sorting the unit's matters.
    /// <paramref name="withActions"/>: load each matter's actions (the API shows them; a list page
    /// that shows none leaves them out).
    /// </summary>
    public async Task<Result<Page<Matter>>> ListAsync(Viewer viewer, bool mine, string? cursor, int limit, bool withActions = true)
    {
        if (viewer.Person is not { } me || viewer.Unit is not { } unit)
        {
            return Result<Page<Matter>>.Ok(new Page<Matter>([], null));
        }

        if (limit is < 1 or > 200)
        {
            return Refusal.Invalid("limit: between 1 and 200.");
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!TryDecode(cursor, out var decoded))
            {
                return Refusal.Invalid("cursor: not a cursor this server gave out.");
            }

            after = decoded;
        }

        IQueryable<Matter> query = after is { } before
            ? Db.Matters.FromSqlInterpolated($"SELECT * FROM matters WHERE \"Id\" < {SqlKey(before)}")
            : Db.Matters;
        query = query.AsNoTracking().Where(m => m.CountyId == viewer.County && m.UnitId == unit);
        if (mine)
        {
            query = query.Where(m => m.InitiatorId == me);
        }
        else if (!viewer.SeesWholeUnit)
        {
            // MatterAccess.MaySee's "a part in it" read off indexes: initiated, paid by, acted on.
            var visible = await VisibleIdsAsync(viewer.County, unit, me, after, limit + 1);
            query = query.Where(m => visible.Contains(m.Id));
        }

        query = query.OrderByDescending(m => m.Id).Take(limit + 1);
        var items = await (withActions ? query.Include(m => m.Actions) : query).ToListAsync();
        var next = items.Count > limit ? Encode(items[limit - 1].Id.Value) : null;
        return Result<Page<Matter>>.Ok(new Page<Matter>(items.Take(limit).ToList(), next));
    }

    /// <summary>
    /// The newest <paramref name="take"/> matters of the unit (before <paramref name="after"/>) that the
    /// person initiated, is paid by or acted on: the newest of each of the three taken from its own
    /// index in id order, then merged by the caller's query. One query with an OR walked the unit's
    /// matters newest first until it had found them (at 1,040,300 matters, with 32,000 newer matters
    /// of others, 100 ms of CPU a page); uniting all three sets read all of a busy initiator's matters.
    /// </summary>
    private async Task<List<MatterId>> VisibleIdsAsync(CountyId county, UnitId unit, PersonId me, Guid? after, int take)
    {
        var ids = new HashSet<Guid>();
        foreach (var (from, column, matterId, unitColumn) in VisibleBy)
        {
            List<object> parameters = [SqlKey(county.Value), SqlKey(me.Value), SqlKey(unit.Value), take];
            var before = string.Empty;
            if (after is { } cursor)
            {
                before = $" AND {matterId} < {{{parameters.Count}}}";
                parameters.Add(SqlKey(cursor));
            }

            var sql = $"SELECT {matterId} AS \"Value\" FROM {from} WHERE x.\"CountyId\" = {{0}} AND x.{column} = {{1}} AND {unitColumn} = {{2}}{before} ORDER BY {matterId} DESC LIMIT {{3}}";
            ids.UnionWith(await Db.Database.SqlQueryRaw<Guid>(sql, [.. parameters]).ToListAsync());
        }

        return ids.Select(id => new MatterId(id)).ToList();
    }

    /// <summary>A Guid as a parameter of hand-written SQL: as EF Core stores it (upper-case text on SQLite, uuid on PostgreSQL).</summary>
    private object SqlKey(Guid id) => SqlKey(Db, id);

    private static object SqlKey(FenquanDbContext db, Guid id) => db.Database.IsSqlite() ? id.ToString("D").ToUpperInvariant() : id;

    // Each index gives its matters in id order: (CountyId, InitiatorId, Id), (CountyId, Payee_PersonId, Id)
    // (made by FenquanDatabase.MigrateAsync) and (CountyId, ActorId, MatterId).
    private static readonly (string From, string Column, string MatterId, string UnitColumn)[] VisibleBy =
    [
        ("matters x", "\"InitiatorId\"", "x.\"Id\"", "x.\"UnitId\""),
        ("matters x", "\"Payee_PersonId\"", "x.\"Id\"", "x.\"UnitId\""),
        ("matter_actions x JOIN matters m ON m.\"Id\" = x.\"MatterId\"", "\"ActorId\"", "x.\"MatterId\"", "m.\"UnitId\""),
    ];

    /// <summary>The matter's ledger entries, each with its inclusion proof against the latest signed tree head (R44).</summary>
    public async Task<Result<MatterLedger>> LedgerAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        // The core decides which entries are the matter's and whether the viewer may read them (R44).
        var matter = found.Value;
        var county = viewer.County.Value;
        Func<LedgerEntry, bool> visible = viewer.Org is { } org ? LedgerAccess.EntriesVisibleTo(viewer.Asker, matter, org) : _ => false;
        var subjects = LedgerAccess.SubjectsOf(matter).ToList();
        var rows = await Db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county && subjects.Contains(e.SubjectId)).OrderBy(e => e.Sequence).ToListAsync();
        var head = await Db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county).OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync();
        if (head is null)
        {
            return Result<MatterLedger>.Ok(new MatterLedger(matter, [], null));
        }

        // The tree the head signed, read from its tiles: a few tile reads per proof (R44).
        var tree = await LedgerTiles.TreeAsync(Db, viewer.County, head.TreeSize);
        var items = rows.Select(row => (Row: row, Entry: LedgerEntry.Parse(row.Bytes))).Where(e => visible(e.Entry)).Select(e =>
        {
            var (row, entry) = e;
            IReadOnlyList<byte[]> proof = row.Sequence < head.TreeSize ? LedgerTiles.InclusionProofOrEmpty(tree, row.Sequence) : [];
            var verified = row.Sequence < head.TreeSize && MerkleProofs.VerifyInclusion(row.Sequence, head.TreeSize, MerkleHash.Leaf(row.Bytes), proof, head.RootHash);
            return new LedgerItem(row.Sequence, entry.At, entry.Kind, entry.SubjectType, entry.SubjectId, entry.Data, Convert.ToHexStringLower(row.LeafHash), proof.Select(Convert.ToHexStringLower).ToList(), verified);
        }).ToList();
        var view = new SignedHeadView(head.TreeSize, Convert.ToHexStringLower(head.RootHash), head.At, Convert.ToHexStringLower(head.Signature), Convert.ToHexStringLower(store.Signer.PublicKey));
        return Result<MatterLedger>.Ok(new MatterLedger(matter, items, view));
    }

    /// <summary>Names of the people in the viewer's unit view (for showing who acted).</summary>
    public static string NameOf(Viewer viewer, PersonId person) => viewer.Org?.NameOf(person) ?? person.ToString();

    private static string Encode(Guid id) => Base64Url.EncodeToString(id.ToByteArray(bigEndian: true));

    private static bool TryDecode(string cursor, out Guid id)
    {
        id = Guid.Empty;
        if (cursor.Length > 64)
        {
            return false;
        }

        var bytes = new byte[64];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(cursor, bytes, out written) || written != 16)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        id = new Guid(bytes.AsSpan(0, 16), bigEndian: true);
        return true;
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Queries;

/// <summary>The county's local days: which day an instant falls on, and when a day ends (a limit due that day is exceeded from then).</summary>
public interface ILocalDays
{
    DateOnly DayOf(DateTimeOffset at);

    DateTimeOffset EndOf(DateOnly day);
}

/// <summary>Whose tasks: a person of a unit, with the unit's organisation as of the day asked.</summary>
public sealed record TaskAsker(CountyId County, UnitId Unit, PersonId Person, OrganizationSnapshot Org);

/// <summary>
/// The reads of work waiting, shared by the workbench, the matter list's "waiting for me" and
/// "overdue" filters, and the API: the steps waiting for a person, and the steps past their time
/// limit (R46). The core decides each one (<see cref="Matter.IsWaitingFor"/>, the step limits); this
/// only chooses which pending matters to hand it, kept in <see cref="PendingMattersCache"/>.
/// </summary>
public sealed class TaskQueries(FenquanStore store, PendingMattersCache cache, ILocalDays days)
{
    /// <summary>
    /// Steps waiting for the asker now, oldest first, with due dates. First a light read of the
    /// unit's pending matters (index on county, unit, state: a few hundred even with a million
    /// matters in the database): each one's route and how many of its steps are done, which names the
    /// current step's actor. Only matters whose current step the asker's roles could fill are then
    /// loaded whole with their actions, with when each last changed (which only moves the "since"
    /// date), and kept for holders of the same roles until a matter of the county changes. With a
    /// delegation held, every pending matter is a candidate. The decided, ordered list is kept per
    /// person too, and patched by the matters a refresh replaced (<see cref="PendingMattersCache.TasksFor"/>).
    /// </summary>
    public async Task<IReadOnlyList<TaskItem>> TasksAsync(FenquanDbContext db, TaskAsker asker, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(asker);
        var (county, unit, me, org) = asker;

        // Steps of people who delegated to the asker (代理) are the asker's tasks too, marked for whom.
        var held = await DelegationOperations.ActiveForAsync(db, county, me, now);
        var roles = (await db.Memberships.AsNoTracking().Where(m => m.CountyId == county && m.UnitId == unit && m.PersonId == me).Select(m => m.Role).ToListAsync()).ToHashSet();
        var everyMatter = held.Count > 0;
        var candidates = await CandidatesAsync(db, county, unit, roles, string.Join(',', roles.Order()), everyMatter);
        var due = DueDates(db, county, candidates, now);
        PersonId? ForWhom(Matter m) => held.FirstOrDefault(d => d.UnitId == m.UnitId && d.Covers(m.Area) && m.IsWaitingFor(d.DelegatorId, org))?.DelegatorId;

        // The core decides which of these matters wait for the asker; dated and ordered by due date.
        List<TaskItem> Decide(IEnumerable<Matter> matters) => matters
            .Where(m => m.InitiatorId != me)
            .Select(m => (Matter: m, Own: m.IsWaitingFor(me, org), For: everyMatter ? ForWhom(m) : null))
            .Where(t => t.Own || t.For is not null)
            .Select(t =>
            {
                var m = t.Matter;
                var (since, until, colour) = due(m);
                return new TaskItem(m, m.CurrentStep!, m.CurrentStepIndex, since, until, colour, t.Own ? null : t.For);
            })
            .OrderBy(t => t, TaskOrder.Instance)
            .ToList();

        // Kept per person only without delegations held: those are read per request and change who a task is for.
        return everyMatter
            ? Decide(candidates.Matters)
            : cache.TasksFor(county, me, candidates, org, now, days.EndOf(days.DayOf(now)), Decide);
    }

    /// <summary>
    /// The unit's pending matters whose current step is past its time limit (R46), whoever it waits
    /// for: every pending matter of the unit is a candidate (kept as the task candidates are); the
    /// list's scope then keeps those the viewer may see.
    /// </summary>
    public async Task<IReadOnlyList<MatterId>> OverdueAsync(FenquanDbContext db, CountyId county, UnitId unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await CandidatesAsync(db, county, unit, [], "*", everyMatter: true);
        var due = DueDates(db, county, candidates, now);
        return [.. candidates.Matters.Where(m => m.CurrentStep is not null && due(m).Due < now).Select(m => m.Id)];
    }

    private Task<PendingCandidates> CandidatesAsync(FenquanDbContext db, CountyId county, UnitId unit, HashSet<Core.Organization.Role> roles, string rolesKey, bool everyMatter) =>
        cache.GetOrLoadAsync(
            county, unit, rolesKey, everyMatter,
            TaskCandidates.WholeLoad(store, county, unit, roles, everyMatter),
            changed => TaskCandidates.LoadAsync(db, county, unit, roles, everyMatter, only: changed));

    /// <summary>
    /// When each pending candidate's current step began (submitted, last changed, or last acted on),
    /// when it is due and its colour today: R46, the limit of the step's kind in the policy version the
    /// matter was submitted under (R41), counted on the official calendar; due at the end of its last day.
    /// </summary>
    private Func<Matter, (DateTimeOffset Since, DateTimeOffset Due, Core.Calendar.LimitColour Colour)> DueDates(FenquanDbContext db, CountyId county, PendingCandidates candidates, DateTimeOffset now)
    {
        var calendar = CountyChangeOperations.CalendarInForce(db, county);
        var today = days.DayOf(now);
        return m =>
        {
            var since = new[] { m.SubmittedAt, candidates.LastChanges.GetValueOrDefault(m.Id, m.SubmittedAt) }.Concat(m.Actions.Select(a => a.At)).Max();
            var limit = PolicyOperations.StepLimitsOf(db, m.PolicyVersionId).For(m.CurrentStep!.Kind);
            var start = days.DayOf(since);
            return (since, days.EndOf(limit.DueOn(start, calendar)), limit.ColourOn(start, today, calendar));
        };
    }
}

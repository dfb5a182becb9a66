using Fenquan.Core.CountyChanges;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Loads what <see cref="BoundsChange"/> judges — each unit's latest policy, memberships,
/// portfolios and open 执法 matters — including rows added or changed in the current unit of work,
/// and re-checks the county's bounds changes waiting for units (R40) in the unit of work that
/// published a policy version or changed a portfolio: the last unit to comply puts the bounds in force.
/// </summary>
public static class BoundsStandings
{
    /// <summary>The county's local date (China Standard Time) at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => ChinaTime.DateOf(now);

    /// <summary>The units that would have to change for <paramref name="proposed"/> to take effect, or the refusal naming its rule.</summary>
    public static Result<IReadOnlyList<UnitStanding>> Check(FenquanDbContext db, CountyId county, CountyBounds proposed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).Single();
        return BoundsChange.Check(current, proposed, Load(db, county, null), today);
    }

    /// <summary>
    /// The bounds a unit's new policy version is verified against: those of a confirmed bounds change
    /// waiting for units, when one waits (the units it names must meet them), else those in force.
    /// </summary>
    public static CountyBounds ForNewPolicies(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = Waiting(db.Set<CountyChange>().AsNoTracking(), county).Select(c => c.PayloadJson).FirstOrDefault();
        return waiting is null
            ? db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).Single()
            : CountyChangePayload.BoundsFromJson(waiting).Value;
    }

    /// <summary>The county's confirmed bounds change still waiting for units, or null.</summary>
    public static CountyChange? WaitingChange(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Waiting(db.Set<CountyChange>().AsNoTracking(), county).FirstOrDefault();
    }

    /// <summary>
    /// Re-checks every bounds change of the county waiting for units, in the caller's unit of work:
    /// units that now comply are struck off, and a change with none left takes effect.
    /// </summary>
    public static void Recheck(WriteContext ctx, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var waiting = Waiting(ctx.Db.Set<CountyChange>(), county).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var target = ctx.Db.Counties.Single(c => c.Id == county);
        var today = Today(ctx.Now);
        foreach (var change in waiting)
        {
            var proposed = CountyChangePayload.BoundsFromJson(change.PayloadJson).Value;
            var still = Load(ctx.Db, county, change.WaitingFor)
                .Where(u => !BoundsChange.Complies(u, target.Bounds, proposed, today))
                .Select(u => u.Unit)
                .ToList();
            if (change.Recheck(still, ctx.Now))
            {
                target.ChangeBounds(proposed);
            }
        }
    }

    /// <summary>The standing of the county's units (only those named, when <paramref name="only"/> is given).</summary>
    public static IReadOnlyList<UnitStanding> Load(FenquanDbContext db, CountyId county, IReadOnlyCollection<UnitId>? only)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = db.Units.AsNoTracking().Where(u => u.CountyId == county).OrderBy(u => u.Name).ToList()
            .Where(u => only is null || only.Contains(u.Id)).ToList();
        var memberships = Rows(db, (Membership m) => m.CountyId == county, m => m.Id);
        var portfolios = Rows(db, (PortfolioAssignment a) => a.CountyId == county, a => a.Id);
        var versions = Rows(db, (PolicyVersion v) => v.CountyId == county, v => v.Id);
        var open = db.Matters.AsNoTracking()
            .Where(m => m.CountyId == county && m.Area == Area.LawEnforcement && (m.State == MatterState.Pending || m.State == MatterState.Returned))
            .Select(m => m.UnitId).Distinct().ToList();
        return [.. units.Select(u => new UnitStanding(
            u.Id,
            u.Name,
            versions.Where(v => v.UnitId == u.Id).MaxBy(v => v.Number) is { } latest ? PolicyJson.Parse(latest.DocumentJson).Value : null,
            [.. memberships.Where(m => m.UnitId == u.Id)],
            [.. portfolios.Where(a => a.UnitId == u.Id)],
            open.Contains(u.Id)))];
    }

    private static IQueryable<CountyChange> Waiting(IQueryable<CountyChange> changes, CountyId county) =>
        changes.Where(c => c.CountyId == county && c.Subject == CountyChangeSubject.Bounds && c.State == CountyChangeState.AwaitingUnits).OrderByDescending(c => c.Number);

    // The stored rows with those of the current unit of work in their place (added, or changed and not yet saved).
    private static List<T> Rows<T, TKey>(FenquanDbContext db, System.Linq.Expressions.Expression<Func<T, bool>> where, Func<T, TKey> key)
        where T : class
    {
        var test = where.Compile();
        var local = db.Set<T>().Local.Where(test).ToList();
        var mine = local.Select(key).ToHashSet();
        return [.. db.Set<T>().AsNoTracking().Where(where).AsEnumerable().Where(r => !mine.Contains(key(r))), .. local];
    }
}

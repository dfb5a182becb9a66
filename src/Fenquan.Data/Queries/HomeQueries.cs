using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Queries;

/// <summary>How many of a unit's matters are in one area and state.</summary>
public sealed record MatterCount(Area Area, MatterState State, int Count);

/// <summary>A member recused from an item of one of the unit's meetings.</summary>
public sealed record RecusalItem(MeetingId Meeting, string MeetingTitle, DateTimeOffset ScheduledAt, PersonId Person, RecusalGround Ground, string Reason, DateTimeOffset At);

/// <summary>A ledgered administrative change (<see cref="HomeView.AdministrativeSubjects"/>).</summary>
public sealed record AdministrativeChange(long Sequence, DateTimeOffset At, string Kind, string SubjectType);

/// <summary>
/// The figures of the home pages' panels. Each takes the county and unit the core's
/// <see cref="HomeView"/> decided for the viewer — a panel the view does not show gets no unit and
/// reads nothing. Matters are counted by the database (GROUP BY on the unit's (county, unit,
/// state) index), never loaded.
/// </summary>
public static class HomeQueries
{
    /// <summary>The unit's matters counted by area and state (only the pairs that have any).</summary>
    public static async Task<IReadOnlyList<MatterCount>> MatterCountsAsync(FenquanDbContext db, CountyId county, UnitId? unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (unit is not { } theUnit)
        {
            return [];
        }

        // SQLite's planner prefers the unit's id index and reads every matter row of the unit (8 s cold at
        // 200,000 matters); told to read the (county, unit, area, state) index it counts there (0.1 s).
        var matters = db.Database.IsSqlite()
            ? db.Matters.FromSqlRaw($"SELECT * FROM matters INDEXED BY \"{FenquanDatabase.AreaStateIndex}\"")
            : db.Matters;
        var rows = await matters.AsNoTracking()
            .Where(m => m.CountyId == county && m.UnitId == theUnit)
            .GroupBy(m => new { m.Area, m.State })
            .Select(g => new { g.Key.Area, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MatterCount(r.Area, r.State, r.Count)).OrderBy(r => r.Area).ThenBy(r => r.State).ToList();
    }

    /// <summary>
    /// How many of the unit's matters were decided (approved or rejected) since <paramref name="since"/>:
    /// those in either state with an action of the current round since then (the deciding action is
    /// the round's last, so it was taken since then too). Read from the county's actions since then
    /// (the (county, at) index), not from the unit's settled matters.
    /// </summary>
    public static async Task<int> DecidedSinceAsync(FenquanDbContext db, CountyId county, UnitId? unit, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (unit is not { } theUnit)
        {
            return 0;
        }

        var from = since.ToUniversalTime();
        if (db.Database.IsSqlite())
        {
            // SQLite keeps a DateTimeOffset as text that EF Core does not compare. The text range (widened
            // by the largest offset, 14 hours) reads the index; julianday then compares with the offset.
            // Told to start from this month's actions (INDEXED BY, CROSS JOIN fixes the order): the planner
            // otherwise walks the unit's settled matters (2 s cold at 200,000 matters, 1 ms this way).
            const string sql = "SELECT COUNT(DISTINCT m.\"Id\") AS \"Value\" FROM matter_actions a INDEXED BY \"" + FenquanDatabase.ActionTimeIndex + "\" CROSS JOIN matters m "
                + "WHERE m.\"Id\" = a.\"MatterId\" AND a.\"CountyId\" = {0} AND a.\"At\" >= {2} AND julianday(a.\"At\") >= julianday({3}) "
                + "AND m.\"CountyId\" = {0} AND m.\"UnitId\" = {1} AND m.\"State\" IN ('Approved', 'Rejected') AND a.\"Round\" = m.\"Round\"";
            return await db.Database
                .SqlQueryRaw<int>(sql, MatterQueries.SqlKey(db, county.Value), MatterQueries.SqlKey(db, theUnit.Value), Text(from.AddHours(-14)), Text(from))
                .SingleAsync(cancellationToken);
        }

        // PostgreSQL takes only UTC moments for timestamptz.
        return await db.MatterActions.AsNoTracking()
            .Where(a => a.CountyId == county && a.At >= from)
            .Join(db.Matters.AsNoTracking(), a => a.MatterId, m => m.Id, (a, m) => new { a.Round, Matter = m })
            .Where(x => x.Matter.CountyId == county && x.Matter.UnitId == theUnit && x.Round == x.Matter.Round
                && (x.Matter.State == MatterState.Approved || x.Matter.State == MatterState.Rejected))
            .Select(x => x.Matter.Id)
            .Distinct()
            .CountAsync(cancellationToken);

        static string Text(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The unit's scheduled meetings set for <paramref name="from"/> or later, soonest first. Only the
    /// scheduled ones are read (the (county, unit, state) index): a unit holds tens of thousands of
    /// past meetings after some years, and reading them all took most of the principal's home.
    /// </summary>
    public static IReadOnlyList<Meeting> UpcomingMeetings(FenquanDbContext db, CountyId county, UnitId? unit, DateOnly from, int take)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (unit is not { } theUnit)
        {
            return [];
        }

        return db.Set<Meeting>().AsNoTracking()
            .Where(m => m.CountyId == county && m.UnitId == theUnit && m.State == MeetingState.Scheduled)
            .AsEnumerable()
            .Where(m => ChinaTime.DateOf(m.ScheduledAt) >= from)
            .OrderBy(m => m.ScheduledAt)
            .Take(take)
            .ToList();
    }

    /// <summary>The latest recusals on the unit's meetings' items, newest first, and how many there are in all.</summary>
    public static async Task<(IReadOnlyList<RecusalItem> Latest, int Total)> RecusalsAsync(FenquanDbContext db, CountyId county, UnitId? unit, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (unit is not { } theUnit)
        {
            return ([], 0);
        }

        var recusals = from r in db.Set<Recusal>().AsNoTracking()
                       join m in db.Set<Meeting>().AsNoTracking() on r.MeetingId equals m.Id
                       where r.CountyId == county && m.CountyId == county && m.UnitId == theUnit
                       select new { r, m.Title, m.ScheduledAt };
        var total = await recusals.CountAsync(cancellationToken);
        var latest = (await recusals.ToListAsync(cancellationToken))
            .OrderByDescending(x => x.r.At)
            .Take(take)
            .Select(x => new RecusalItem(x.r.MeetingId, x.Title, x.ScheduledAt, x.r.PersonId, x.r.Ground, x.r.Reason, x.r.At))
            .ToList();
        return (latest, total);
    }

    /// <summary>Every unit of the county with its setup on <paramref name="today"/> (<see cref="UnitSetup"/>), in name order.</summary>
    public static async Task<IReadOnlyList<UnitSetup>> UnitSetupsAsync(FenquanDbContext db, CountyId county, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Units.AsNoTracking().Where(u => u.CountyId == county).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var portfolios = await db.PortfolioAssignments.AsNoTracking().Where(p => p.CountyId == county).ToListAsync(cancellationToken);
        var deputies = await db.Memberships.AsNoTracking().Where(m => m.CountyId == county && m.Role == Role.Deputy).ToListAsync(cancellationToken);
        var policies = (await db.PolicyVersions.AsNoTracking().Where(p => p.CountyId == county)
                .Select(p => new { p.UnitId, p.Number, p.EffectiveFrom }).ToListAsync(cancellationToken))
            .ToLookup(p => p.UnitId, p => (p.Number, p.EffectiveFrom));
        return units
            .Select(u => UnitSetup.Of(u.Id, u.Name, today, portfolios, deputies, policies[u.Id]))
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The ledger's (county, subject type, subject) index (declared in <see cref="FenquanDbContext"/>).</summary>
    internal const string LedgerSubjectIndex = "IX_ledger_entries_CountyId_SubjectType_SubjectId";

    /// <summary>
    /// The county's latest ledgered administrative changes, newest first: entries whose subject is
    /// one of <see cref="HomeView.AdministrativeSubjects"/>, found on the ledger's (county, subject
    /// type, subject) index — all of the county's administrative entries (rare writes: hundreds to
    /// a few thousand), then sorted by sequence. SQLite's planner otherwise walks every entry of the
    /// county newest first looking for them (1.6 s at 700,000 entries, where matters and meetings
    /// make nearly all; 10 ms this way). No index is added: every action writes ledger entries.
    /// </summary>
    public static async Task<IReadOnlyList<AdministrativeChange>> RecentChangesAsync(FenquanDbContext db, CountyId county, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subjects = HomeView.AdministrativeSubjects.ToList();
        var entries = db.Database.IsSqlite()
            ? db.LedgerEntries.FromSqlRaw($"SELECT * FROM ledger_entries INDEXED BY \"{LedgerSubjectIndex}\"")
            : db.LedgerEntries;
        var rows = await entries.AsNoTracking()
            .Where(e => e.CountyId == county.Value && subjects.Contains(e.SubjectType))
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .Select(e => e.Bytes)
            .ToListAsync(cancellationToken);
        return rows.Select(bytes => LedgerEntry.Parse(bytes)).Select(e => new AdministrativeChange(e.Sequence, e.At, e.Kind, e.SubjectType)).ToList();
    }
}

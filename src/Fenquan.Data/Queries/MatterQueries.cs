using System.Buffers.Text;
using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Queries;

/// <summary>
/// The matter lists that pages and the API share: the unit's matters or the viewer's own, cursor
/// paged newest first, or filtered (search, area, state, amount, dates) with a total count and
/// numbered pages, and the whole filtered list for export. Which matters a viewer reaches is the
/// core's decision (<see cref="MatterListScope"/>); this only turns it into a query.
/// </summary>
public static class MatterQueries
{
    /// <summary>
    /// Matters newest first, cursor paged: those the <paramref name="scope"/> reaches (the viewer's own
    /// submissions; the whole unit for the team, office and discipline member; for others those they
    /// submitted, are paid by, or acted on). Each page is read off an index
    /// in id order (county, unit, id; or county, initiator, id), never by sorting the unit's matters.
    /// <paramref name="withActions"/>: load each matter's actions (the API shows them; a list page
    /// that shows none leaves them out).
    /// </summary>
    public static async Task<Result<Page<Matter>>> ListAsync(FenquanDbContext db, MatterListScope scope, string? cursor, int limit, bool withActions = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Reach == MatterListReach.None)
        {
            return Result<Page<Matter>>.Ok(new Page<Matter>([], null));
        }

        if (limit is < 1 or > 200)
        {
            return Refusal.Because(Refusal.InvalidId, "LimitRange", "limit: between 1 and 200.");
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!TryDecode(cursor, out var decoded))
            {
                return Refusal.Because(Refusal.InvalidId, "CursorUnknown", "cursor: not a cursor this server gave out.");
            }

            after = decoded;
        }

        IQueryable<Matter> query = after is { } before
            ? db.Matters.FromSqlInterpolated($"SELECT * FROM matters WHERE \"Id\" < {SqlKey(db, before)}")
            : db.Matters;
        var (county, unit, me) = (scope.County, scope.Unit, scope.Person);
        query = query.AsNoTracking().Where(m => m.CountyId == county && m.UnitId == unit);
        switch (scope.Reach)
        {
            case MatterListReach.Submitted:
                query = query.Where(m => m.InitiatorId == me);
                break;
            case MatterListReach.PartIn:
                // MatterAccess.MaySee's "a part in it" read off indexes: initiated, paid by, acted on.
                var visible = await VisibleIdsAsync(db, county, unit, me, after, limit + 1);
                query = query.Where(m => visible.Contains(m.Id));
                break;
            case MatterListReach.WholeUnit:
            case MatterListReach.None:
                break;
        }

        query = query.OrderByDescending(m => m.Id).Take(limit + 1);
        var items = await (withActions ? query.Include(m => m.Actions) : query).ToListAsync();
        var next = items.Count > limit ? Encode(items[limit - 1].Id.Value) : null;
        return Result<Page<Matter>>.Ok(new Page<Matter>(items.Take(limit).ToList(), next));
    }

    /// <summary>The most rows a numbered page holds.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// Page <paramref name="number"/> (from 1) of the matters the scope reaches that the filter finds,
    /// with how many it finds in all. Offset pages: a person pages back and forth through a few pages
    /// of a narrowed list, and the count is needed anyway; the newest-first order still reads off
    /// the unit's (county, unit, id) index.
    /// </summary>
    public static async Task<CountedPage<Matter>> FindAsync(FenquanDbContext db, MatterListScope scope, MatterFilter filter, int number, int size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        var found = Filtered(db, scope, filter);
        var total = await found.CountAsync(cancellationToken);
        if ((long)(number - 1) * size >= total)
        {
            return new CountedPage<Matter>([], total, number, size);
        }

        // The page's ids first, off the search index alone (sorting by amount then sorts narrow
        // entries, not every wide row found), then only the page's rows.
        var ids = await Sorted(found, filter.Sort).Skip((number - 1) * size).Take(size).Select(m => m.Id).ToListAsync(cancellationToken);
        var rows = await db.Matters.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return new CountedPage<Matter>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), total, number, size);
    }

    /// <summary>Every matter the scope reaches that the filter finds, in the filter's order, streamed (for export; no actions).</summary>
    public static IAsyncEnumerable<Matter> AllAsync(FenquanDbContext db, MatterListScope scope, MatterFilter filter) =>
        Sorted(Filtered(db, scope, filter), filter.Sort).AsAsyncEnumerable();

    /// <summary>
    /// The scope's matters narrowed by the filter. The words are matched as a substring of the title
    /// or the payee's name, so two-character Chinese words (空调, 差旅) are found as well as longer
    /// ones; LIKE-style wildcards in the words are plain characters here (instr / strpos).
    /// Amounts are compared as numbers on both providers (SQLite keeps decimals as text).
    /// </summary>
    private static IQueryable<Matter> Filtered(FenquanDbContext db, MatterListScope scope, MatterFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var (county, unit, me) = (scope.County, scope.Unit, scope.Person);
        var words = filter.Text?.Trim();
        // SQLite's planner takes the (county, unit, state) index for a search and then reads every
        // wide matter row of the unit (0.8 s at 200,000 matters); told to read the search index, it
        // matches the words, the access predicate and every filter there and reads only the rows
        // found. A short list of given ids (tasks, overdue) is looked up by id instead. PostgreSQL
        // chooses by itself.
        var matters = filter.Only is null && db.Database.IsSqlite()
            ? db.Matters.FromSqlRaw($"SELECT * FROM matters INDEXED BY \"{FenquanDatabase.SearchIndex}\"")
            : db.Matters;
        var query = matters.AsNoTracking().Where(m => m.CountyId == county && m.UnitId == unit);
        if (!string.IsNullOrEmpty(words))
        {
            query = query.Where(m => m.Title.Contains(words) || m.Payee.Name.Contains(words));
        }

        if (filter.Area is { } area)
        {
            query = query.Where(m => m.Area == area);
        }

        if (filter.State is { } state)
        {
            query = query.Where(m => m.State == state);
        }

        if (filter.MinAmount is { } min)
        {
            var least = (double)min;
            query = query.Where(m => (double)m.Amount >= least);
        }

        if (filter.MaxAmount is { } max)
        {
            var most = (double)max;
            query = query.Where(m => (double)m.Amount <= most);
        }

        if (filter.From is { } from)
        {
            query = query.Where(m => m.SubmittedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(m => m.SubmittedOn <= to);
        }

        // The access predicate last: SQLite tests the terms in order. "A part in it" (MatterAccess.MaySee:
        // initiated, paid by, acted on) is one set of ids taken from the person's own three indexes,
        // which the unit's search index is then looked up by: a clerk has a part in a few thousand
        // of the unit's 200,000 matters, and probing matter_actions for each entry the filters kept
        // cost 150 ms of CPU for 65,511 entries at 1,000,000 matters (the set: about 10 ms).
        IQueryable<MatterId> PartIn() =>
            db.Matters.Where(x => x.CountyId == county && x.InitiatorId == me).Select(x => x.Id)
                .Union(db.Matters.Where(x => x.CountyId == county && x.Payee.PersonId == me).Select(x => x.Id))
                .Union(db.MatterActions.Where(a => a.CountyId == county && a.ActorId == me).Select(a => a.MatterId));
        switch (scope.Reach)
        {
            case MatterListReach.WholeUnit:
                break;
            case MatterListReach.Submitted:
                query = query.Where(m => m.InitiatorId == me);
                break;
            case MatterListReach.PartIn:
                var partIn = PartIn();
                query = query.Where(m => partIn.Contains(m.Id));
                break;
            default:
                query = query.Where(m => false);
                break;
        }

        if (filter.Only is { } only)
        {
            var ids = only.ToList();
            query = query.Where(m => ids.Contains(m.Id));
        }

        return query;
    }

    private static IQueryable<Matter> Sorted(IQueryable<Matter> query, MatterSort sort) => sort switch
    {
        MatterSort.Oldest => query.OrderBy(m => m.Id),
        MatterSort.AmountHigh => query.OrderByDescending(m => (double)m.Amount).ThenByDescending(m => m.Id),
        MatterSort.AmountLow => query.OrderBy(m => (double)m.Amount).ThenByDescending(m => m.Id),
        MatterSort.Newest => query.OrderByDescending(m => m.Id),
        _ => query.OrderByDescending(m => m.Id),
    };

    /// <summary>
    /// The newest <paramref name="take"/> matters of the unit (before <paramref name="after"/>) that the
    /// person initiated, is paid by or acted on: the newest of each of the three taken from its own
    /// index in id order, then merged by the caller's query. One query with an OR walked the unit's
    /// matters newest first until it had found them (at 1,040,300 matters, with 32,000 newer matters
    /// of others, 100 ms of CPU a page); uniting all three sets read all of a busy initiator's matters.
    /// </summary>
    private static async Task<List<MatterId>> VisibleIdsAsync(FenquanDbContext db, CountyId county, UnitId unit, PersonId me, Guid? after, int take)
    {
        var ids = new HashSet<Guid>();
        foreach (var (from, column, matterId, unitColumn) in VisibleBy)
        {
            List<object> parameters = [SqlKey(db, county.Value), SqlKey(db, me.Value), SqlKey(db, unit.Value), take];
            var before = string.Empty;
            if (after is { } cursor)
            {
                before = $" AND {matterId} < {{{parameters.Count}}}";
                parameters.Add(SqlKey(db, cursor));
            }

            var sql = $"SELECT {matterId} AS \"Value\" FROM {from} WHERE x.\"CountyId\" = {{0}} AND x.{column} = {{1}} AND {unitColumn} = {{2}}{before} ORDER BY {matterId} DESC LIMIT {{3}}";
            ids.UnionWith(await db.Database.SqlQueryRaw<Guid>(sql, [.. parameters]).ToListAsync());
        }

        return ids.Select(id => new MatterId(id)).ToList();
    }

    /// <summary>A Guid as a parameter of hand-written SQL: as EF Core stores it (upper-case text on SQLite, uuid on PostgreSQL).</summary>
    public static object SqlKey(FenquanDbContext db, Guid id) => db.Database.IsSqlite() ? id.ToString("D").ToUpperInvariant() : id;

    // Each index gives its matters in id order: (CountyId, InitiatorId, Id), (CountyId, Payee_PersonId, Id)
    // (made by FenquanDatabase.MigrateAsync) and (CountyId, ActorId, MatterId).
    private static readonly (string From, string Column, string MatterId, string UnitColumn)[] VisibleBy =
    [
        ("matters x", "\"InitiatorId\"", "x.\"Id\"", "x.\"UnitId\""),
        ("matters x", "\"Payee_PersonId\"", "x.\"Id\"", "x.\"UnitId\""),
        ("matter_actions x JOIN matters m ON m.\"Id\" = x.\"MatterId\"", "\"ActorId\"", "x.\"MatterId\"", "m.\"UnitId\""),
    ];

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

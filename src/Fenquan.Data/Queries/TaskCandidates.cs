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
/// The reads behind the task lists: which of a unit's pending matters some holder of a set of roles
/// could act on (<see cref="PendingMattersCache"/> keeps them). The core decides, per viewer, which
/// of them wait for the viewer (<see cref="Matter.IsWaitingFor"/>).
/// </summary>
public static class TaskCandidates
{
    /// <summary>
    /// The unit's pending matters whose current step's actor someone holding <paramref name="roles"/>
    /// (the roles the viewer holds or held in the unit) could be; the viewer's own matters are left
    /// out per request, so that holders of the same roles share the candidates. Only a pre-selection, generous on purpose: a
    /// matter kept here is still decided by the core, one left out could never be the viewer's.
    /// The route is read as stored text (its step actors parsed once per distinct route), not
    /// converted into a whole matter: that is most of the cost of reading a matter.
    /// </summary>
    private static async Task<List<MatterId>> CandidateIdsAsync(FenquanDbContext db, CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter, IReadOnlySet<Guid>? only)
    {
        if (only is { Count: 0 })
        {
            return [];
        }

        object Key(Guid id) => MatterQueries.SqlKey(db, id);
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
    /// The candidates (<see cref="CandidateIdsAsync"/>) loaded whole with their actions, and when each
    /// last changed: what <see cref="PendingMattersCache"/> keeps for a unit and a set of roles.
    /// </summary>
    /// <param name="only">Only these matters (the ones a commit changed), or all of the unit's.</param>
    public static async Task<PendingCandidates> LoadAsync(FenquanDbContext db, CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter, IReadOnlySet<Guid>? only)
    {
        var candidates = await CandidateIdsAsync(db, county, unit, roles, everyMatter, only);
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
    public static Func<Task<PendingCandidates>> WholeLoad(FenquanStore store, CountyId county, UnitId unit, HashSet<Role> roles, bool everyMatter)
    {
        return async () =>
        {
            await using var db = store.Context();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return await LoadAsync(db, county, unit, roles, everyMatter, only: null);
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

}

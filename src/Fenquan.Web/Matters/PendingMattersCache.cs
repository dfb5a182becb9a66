using System.Collections.Concurrent;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Matters;

/// <summary>A unit's pending matters that some holder of a set of roles could act on, loaded whole, with when each last changed.</summary>
public sealed record PendingCandidates(IReadOnlyList<Matter> Matters, IReadOnlyDictionary<MatterId, DateTimeOffset> LastChanges);

/// <summary>
/// The task candidates of a unit for a set of roles, kept between requests: every workbench page
/// and task list needs them, and loading a few hundred pending matters whole with their actions is
/// most of a deciding role's page. An entry is used only while its county's matter stamp
/// (<see cref="LedgerWriter.MatterStamps"/>, changed by the writer after every commit that changes a
/// matter, action or change) is the one read before it was loaded, and for at most
/// <see cref="MaxAge"/> (a bound for another process writing the same database). The core still
/// decides, per request and per viewer, which of them wait for the viewer. The matters are read-only
/// values here (nothing in the web layer changes a loaded matter), so requests may share them.
/// </summary>
public sealed class PendingMattersCache(FenquanStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<(CountyId County, UnitId Unit, string Roles, bool Every), Entry> _entries = new();

    public async Task<PendingCandidates> GetOrLoadAsync(CountyId county, UnitId unit, string rolesKey, bool everyMatter, Func<Task<PendingCandidates>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = (county, unit, rolesKey, everyMatter);
        var stamp = store.Writer.MatterStamps.Of(county);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var known) && known.Stamp == stamp && now - known.LoadedAt < MaxAge)
        {
            return known.Candidates;
        }

        var loaded = await load();
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(loaded, stamp, now);
        return loaded;
    }

    private sealed record Entry(PendingCandidates Candidates, ChangeStamp Stamp, DateTimeOffset LoadedAt);
}

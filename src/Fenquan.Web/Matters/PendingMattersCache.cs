using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;

namespace Fenquan.Web.Matters;

/// <summary>A unit's pending matters that some holder of a set of roles could act on, loaded whole, with when each last changed.</summary>
public sealed record PendingCandidates(IReadOnlyList<Matter> Matters, IReadOnlyDictionary<MatterId, DateTimeOffset> LastChanges);

/// <summary>
/// The task candidates of a unit for a set of roles, kept between requests: every workbench page
/// and task list needs them, and loading a few hundred pending matters whole with their actions is
/// most of a deciding role's page. An entry is used only while its county's matter stamp
/// (<see cref="LedgerWriter.MatterStamps"/>, changed by the writer after every commit that changes a
/// matter, action or change) is the one read before it was loaded, and for at most 30 s
/// (<see cref="StampedCache{TKey, TValue}"/>). The core still decides, per request and per viewer,
/// which of them wait for the viewer. The matters are read-only values here (nothing in the web
/// layer changes a loaded matter), so requests may share them.
/// </summary>
public sealed class PendingMattersCache(FenquanStore store, TimeProvider time)
{
    private readonly StampedCache<(CountyId County, UnitId Unit, string Roles, bool Every), PendingCandidates> _candidates = new(store.Writer.MatterStamps, time, maxEntries: 1_000);

    public async Task<PendingCandidates> GetOrLoadAsync(CountyId county, UnitId unit, string rolesKey, bool everyMatter, Func<Task<PendingCandidates>> load) =>
        (await _candidates.GetOrLoadAsync((county, unit, rolesKey, everyMatter), county, async () => await load()))!;
}

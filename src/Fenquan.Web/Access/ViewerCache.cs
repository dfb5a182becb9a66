using System.Collections.Concurrent;
using System.Security.Claims;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Access;

/// <summary>
/// Viewers (a person's roles on the day and their unit's organisation view) kept between requests:
/// loading one takes half a dozen queries, and every request needs one. An entry is used only while
/// its county's organisation stamp (<see cref="LedgerWriter.OrganizationStamps"/>, changed by the writer after
/// every commit that touches memberships, portfolios, people, units or the county) is the one read
/// before it was loaded, on the same day, and for at most <see cref="MaxAge"/> (a bound on what
/// another process writing the same database could leave stale). Roles are still those of the day.
/// </summary>
public sealed class ViewerCache(FenquanStore store, TimeProvider time)
{
    /// <summary>The longest an entry is used, whatever the stamps say.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public async Task<Viewer?> GetOrLoadAsync(ClaimsPrincipal user, DateOnly today, Func<Task<Viewer?>> load)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(load);
        if (!Guid.TryParse(user.FindFirstValue(FenquanClaims.County), out var county))
        {
            return await load();
        }

        var key = new Key(
            user.Identity?.Name ?? string.Empty,
            county,
            user.FindFirstValue(FenquanClaims.Person),
            user.HasClaim(FenquanClaims.CountyAdministrator, "true"),
            user.HasClaim(FenquanClaims.UnitAdministrator, "true"),
            today);
        var version = store.Writer.OrganizationStamps.Of(new CountyId(county));
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var known) && known.Version == version && now - known.LoadedAt < MaxAge)
        {
            return known.Viewer;
        }

        var viewer = await load();
        if (viewer is not null)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(viewer, version, now);
        }

        return viewer;
    }

    private readonly record struct Key(string UserName, Guid County, string? Person, bool CountyAdministrator, bool UnitAdministrator, DateOnly Today);

    private sealed record Entry(Viewer Viewer, ChangeStamp Version, DateTimeOffset LoadedAt);
}

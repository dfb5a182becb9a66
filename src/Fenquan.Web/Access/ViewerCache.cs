using System.Security.Claims;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Access;

/// <summary>
/// Viewers (a person's roles on the day and their unit's organisation view) kept between requests:
/// loading one takes half a dozen queries, and every request needs one. An entry is used only while
/// its county's organisation stamp (<see cref="LedgerWriter.OrganizationStamps"/>, changed by the writer after
/// every commit that touches memberships, portfolios, people, units or the county) is the one read
/// before it was loaded, on the same day, and for at most 30 s (<see cref="StampedCache{TKey, TValue}"/>).
/// Roles are still those of the day.
/// </summary>
public sealed class ViewerCache(FenquanStore store, TimeProvider time)
{
    private readonly StampedCache<Key, Viewer> _viewers = new(store.Writer.OrganizationStamps, time, maxEntries: 20_000);

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
        return await _viewers.GetOrLoadAsync(key, new CountyId(county), load);
    }

    private readonly record struct Key(string UserName, Guid County, string? Person, bool CountyAdministrator, bool UnitAdministrator, DateOnly Today);
}

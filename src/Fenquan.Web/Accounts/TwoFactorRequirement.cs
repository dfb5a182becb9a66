using System.Collections.Concurrent;
using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Accounts;

/// <summary>
/// The county setting "two-factor required", enforced on every page and API request after sign-in:
/// an account without an authenticator is led to set one up (pages) or refused (API, 403 with the
/// rule) until it has. The setting is read once per county and kept until it is changed through
/// <see cref="SetAsync"/>, in this process.
/// </summary>
public sealed class TwoFactorRequirement(FenquanStore store)
{
    public const string SetUpPath = "/account/manage/authenticator";

    private readonly ConcurrentDictionary<Guid, bool> _required = new();

    public bool IsRequired(CountyId county) =>
        _required.GetOrAdd(county.Value, id =>
        {
            using var db = store.Context();
            return db.Counties.AsNoTracking().Where(c => c.Id == new CountyId(id)).Select(c => c.TwoFactorRequired).FirstOrDefault();
        });

    public async Task<Result<Core.Organization.County>> SetAsync(Viewer viewer, bool required)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (Registers.CountyDataService.Official(viewer) is not { } official)
        {
            return Core.CountyChanges.CountyOfficial.OfficialsOnly;
        }

        var set = await new Data.Operations.CountyChangeOperations(store.Writer).RequireTwoFactorAsync(viewer.County, required, official);
        if (set.IsOk)
        {
            _required[viewer.County.Value] = required;
        }

        return set;
    }

    /// <summary>Middleware: a signed-in account of a county that requires two-factor sign-in has set it up, or goes no further.</summary>
    public async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirst(FenquanClaims.County)?.Value, out var county)
            && AccountAccess.MustSetUpTwoFactor(IsRequired(new CountyId(county)), user.HasClaim(FenquanClaims.TwoFactor, "true"))
            && !Allowed(context.Request.Path))
        {
            if (Hosting.SiteLimits.IsApi(context))
            {
                await Api.Problems.Result(AccountAccess.TwoFactorFirst, forbidden: true).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(SetUpPath);
            return;
        }

        await next(context);
    }

    // What an account may reach before it has an authenticator: setting it up, and leaving.
    private static bool Allowed(PathString path) =>
        path.StartsWithSegments(SetUpPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/signout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase);
}

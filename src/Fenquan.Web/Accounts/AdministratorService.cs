using Fenquan.Core.CountyAdministration;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Accounts;

/// <summary>The county's administrators now and its changes of them, newest first.</summary>
public sealed record AdministratorsView(IReadOnlyList<string> Administrators, IReadOnlyList<AdministratorGrant> Changes);

/// <summary>An outcome and whether the viewer may not act at all (403).</summary>
public sealed record AdministratorOutcome<T>(Result<T> Result, bool Forbidden);

/// <summary>
/// County administrators make and unmake county administrators, for the page and the API alike
/// (R40, four eyes, with the bootstrap of a county's second administrator). The core decides from
/// the county's administrator accounts now, read here from the sign-in accounts; a confirmed
/// change is then carried onto the account (<see cref="AdministratorFlags"/>), and the account's
/// security stamp renewed so its sign-ins pick up the change.
/// </summary>
public sealed class AdministratorService(DbSession session, AdministratorOperations operations, AccountsDbContext accounts, UserManager<FenquanUser> users)
{
    public async Task<AdministratorOutcome<AdministratorsView>> ReadAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var administrators = await AdministratorsAsync(viewer.County);
        if (AdministratorAccess.MaySee(viewer.UserName, administrators) is { } refusal)
        {
            return new(refusal, true);
        }

        return new(Result<AdministratorsView>.Ok(new AdministratorsView(administrators, AdministratorOperations.Changes(session.Db, viewer.County))), false);
    }

    /// <summary>Proposes to grant or revoke county administration of the account with that user name in the viewer's county.</summary>
    public async Task<AdministratorOutcome<AdministratorGrant>> ProposeAsync(Viewer viewer, AdministratorChangeKind kind, string? userName)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var administrators = await AdministratorsAsync(viewer.County);
        if (AdministratorAccess.MaySee(viewer.UserName, administrators) is { } refusal)
        {
            return new(refusal, true);
        }

        var normalized = users.NormalizeName((userName ?? string.Empty).Trim());
        var account = await accounts.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.CountyId == viewer.County.Value);
        if (account is null)
        {
            // Another county's account is not found either.
            return new(Refusal.NotFound("Account " + userName), false);
        }

        var person = account.PersonId is { } id ? new PersonId(id) : (PersonId?)null;
        var proposed = await operations.ProposeAsync(viewer.County, kind, account.UserName!, person, Official(viewer), administrators);
        return await FollowedAsync(proposed);
    }

    public async Task<AdministratorOutcome<AdministratorGrant>> ConfirmAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var administrators = await AdministratorsAsync(viewer.County);
        var confirmed = await operations.ConfirmAsync(viewer.County, id, Official(viewer), administrators);
        return await FollowedAsync(confirmed);
    }

    public async Task<AdministratorOutcome<AdministratorGrant>> WithdrawAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var withdrawn = await operations.WithdrawAsync(viewer.County, id, Official(viewer));
        return new(withdrawn, Forbidden(withdrawn));
    }

    private static CountyOfficial Official(Viewer viewer) =>
        new(viewer.UserName, string.IsNullOrWhiteSpace(viewer.Name) ? viewer.UserName : viewer.Name);

    private static bool Forbidden<T>(Result<T> result) =>
        !result.IsOk && result.Refusal!.Key == CountyOfficial.OfficialsOnly.Key;

    private async Task<AdministratorOutcome<AdministratorGrant>> FollowedAsync(Result<AdministratorGrant> result)
    {
        if (result.IsOk && result.Value.State == AdministratorGrantState.Confirmed)
        {
            await AdministratorFlags.FollowAsync(users, [result.Value]);
        }

        return new(result, Forbidden(result));
    }

    private async Task<IReadOnlyList<string>> AdministratorsAsync(CountyId county) =>
        await accounts.Users.AsNoTracking().Where(u => u.CountyId == county.Value && u.IsCountyAdministrator).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync();
}

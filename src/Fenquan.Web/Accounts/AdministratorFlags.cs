using Fenquan.Core.CountyAdministration;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Accounts;

/// <summary>
/// Makes the sign-in accounts' county-administrator flag follow the ledgered, confirmed grants and
/// revocations (R40): the latest confirmed change of an account decides its flag. Accounts no
/// change names keep theirs: the first-run administrator and the demo's were administrators before
/// any grant existed. Runs after each confirmation and once at start, so a crash between the
/// ledgered confirmation and the account's update is mended at the next start.
/// </summary>
public static class AdministratorFlags
{
    /// <summary>Sets each named account's flag as its latest confirmed change says; returns how many accounts changed.</summary>
    public static async Task<int> FollowAsync(UserManager<FenquanUser> users, IEnumerable<AdministratorGrant> confirmed)
    {
        ArgumentNullException.ThrowIfNull(users);
        var changed = 0;
        var latest = confirmed.Where(c => c.State == AdministratorGrantState.Confirmed)
            .GroupBy(c => (c.CountyId, Account: users.NormalizeName(c.Account)))
            .Select(g => g.OrderBy(c => c.ConfirmedAt).ThenBy(c => c.Id).Last());
        foreach (var change in latest)
        {
            var normalized = users.NormalizeName(change.Account);
            var account = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.CountyId == change.CountyId.Value);
            var administrator = change.Kind == AdministratorChangeKind.Grant;
            if (account is null || account.IsCountyAdministrator == administrator)
            {
                continue;
            }

            account.IsCountyAdministrator = administrator;
            // Saves the account, and its existing sign-ins take up the new flag when next validated.
            var updated = await users.UpdateSecurityStampAsync(account);
            if (!updated.Succeeded)
            {
                throw new InvalidOperationException("The administrator flag of " + change.Account + " could not be saved: " + string.Join(" ", updated.Errors.Select(e => e.Description)));
            }

            changed++;
        }

        return changed;
    }
}

/// <summary>At start, after the accounts schema is migrated (<see cref="Hosting.StartupTasks"/> runs first): mends flags a crash left behind.</summary>
public sealed class AdministratorFlagsAtStart(IServiceProvider services, FenquanStore store, ILogger<AdministratorFlagsAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<AdministratorGrant> confirmed;
        await using (var db = store.Context())
        {
            confirmed = AdministratorOperations.Confirmed(db);
        }

        await using var scope = services.CreateAsyncScope();
        var changed = await AdministratorFlags.FollowAsync(scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>(), confirmed);
        if (changed > 0)
        {
            logger.LogWarning("{Count} account(s) took up county administration changes confirmed before the last stop.", changed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

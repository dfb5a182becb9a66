using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Accounts;

/// <summary>Ledgers every sign-in attempt on a known account, through the one ledger writer (R44).</summary>
public sealed class SignInLedger(FenquanStore store, ILogger<SignInLedger> logger)
{
    public async Task RecordAsync(FenquanUser? user, string userName, SignInOutcome outcome, string? remoteAddress)
    {
        if (user is null)
        {
            // An unknown user name belongs to no county, so there is no ledger to hold it: it is logged
            // and counted by the sign-in rate limit instead.
            logger.LogWarning("Sign-in for unknown user name {UserName} from {Address}", userName, remoteAddress);
            return;
        }

        var county = new CountyId(user.CountyId);
        var person = user.PersonId is { } p ? new PersonId(p) : (PersonId?)null;
        var name = user.UserName ?? userName;
        await store.Writer.ExecuteAsync(county, "signin." + outcome.ToString().ToLowerInvariant(), ctx =>
        {
            var record = new SignInRecord(Guid.CreateVersion7(), county, person, name.Length > 100 ? name[..100] : name, outcome, remoteAddress, ctx.Now);
            ctx.Db.Set<SignInRecord>().Add(record);
            return Result<SignInRecord>.Ok(record);
        });
    }
}

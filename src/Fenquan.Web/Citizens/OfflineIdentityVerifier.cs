using Fenquan.Core.Licensing;

namespace Fenquan.Web.Citizens;

/// <summary>The identity port offline: national systems are out of reach, so every applicant is "not verified" (recorded as such).</summary>
public sealed class OfflineIdentityVerifier : IIdentityVerifier
{
    public Task<IdentityCheck> VerifyAsync(Applicant applicant, CancellationToken cancellationToken) => Task.FromResult(IdentityCheck.NotVerified);
}

using System.Security.Claims;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Access;

/// <summary>
/// The claims a sign-in carries: who the account is (county, person, administrator flags) — never
/// the team roles, which are read from the memberships on the day at each request.
/// </summary>
public static class FenquanClaims
{
    public const string County = "fenquan:county";
    public const string Person = "fenquan:person";
    public const string CountyAdministrator = "fenquan:county-admin";
    public const string UnitAdministrator = "fenquan:unit-admin";

    /// <summary>The account has an authenticator (two-factor sign-in), for a county that requires one.</summary>
    public const string TwoFactor = "fenquan:2fa";
}

public sealed class FenquanClaimsFactory(UserManager<FenquanUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FenquanUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FenquanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FenquanClaims.County, user.CountyId.ToString("D")));
        if (user.PersonId is { } person)
        {
            identity.AddClaim(new Claim(FenquanClaims.Person, person.ToString("D")));
        }

        if (user.IsCountyAdministrator)
        {
            identity.AddClaim(new Claim(FenquanClaims.CountyAdministrator, "true"));
        }

        if (user.IsUnitAdministrator)
        {
            identity.AddClaim(new Claim(FenquanClaims.UnitAdministrator, "true"));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(FenquanClaims.TwoFactor, "true"));
        }

        return identity;
    }
}

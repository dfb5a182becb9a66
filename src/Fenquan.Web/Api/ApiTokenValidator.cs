using System.Security.Claims;
using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Api;

/// <summary>
/// Scoped, revocable API tokens (issue 3 item 6): a bearer secret <c>fq_…</c> authenticates as the
/// person it was made for, with the same county / person claims as a sign-in plus its scopes.
/// Unknown, expired and revoked tokens do not authenticate (401), nor does the token of a person
/// whose sign-in account is locked out or gone: locking an account stops its integrations too.
/// </summary>
public sealed class ApiTokenValidator(FenquanStore store, ApiTokenOperations tokens, IServiceScopeFactory scopes) : IApiTokenValidator
{
    public const string ScopeClaim = "fenquan:scope";
    public const string TokenClaim = "fenquan:token";

    public async Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        var principal = await tokens.AuthenticateAsync(db, token, cancellationToken);
        if (!principal.IsOk)
        {
            return null;
        }

        var p = principal.Value;
        if (await UsableAccountAsync(p, cancellationToken) is not { } account)
        {
            return null;
        }

        var identity = new ClaimsIdentity(ApiAuthentication.BearerScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, "token:" + p.TokenId));
        identity.AddClaim(new Claim(TokenClaim, p.TokenId.ToString()));
        identity.AddClaim(new Claim(FenquanClaims.County, p.CountyId.Value.ToString("D")));
        identity.AddClaim(new Claim(FenquanClaims.Person, p.PersonId.Value.ToString("D")));
        if (account.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(FenquanClaims.TwoFactor, "true"));
        }

        foreach (var scope in p.Scopes)
        {
            identity.AddClaim(new Claim(ScopeClaim, scope));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>The sign-in account of the person the token acts as that is not locked out, or null when none is.</summary>
    private async Task<FenquanUser?> UsableAccountAsync(ApiPrincipal p, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
        var accounts = await users.Users.Where(u => u.PersonId == p.PersonId.Value && u.CountyId == p.CountyId.Value).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            if (!await users.IsLockedOutAsync(account))
            {
                return account;
            }
        }

        return null;
    }

    /// <summary>
    /// The scope a request needs when it comes with a token (a sign-in cookie carries the person's
    /// full standing): ledger:read for the ledger, matters:read for other reads, matters:write for changes.
    /// </summary>
    public static string ScopeFor(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1/ledger", StringComparison.Ordinal) ? ApiScopes.LedgerRead
        : HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? ApiScopes.MattersRead
        : ApiScopes.MattersWrite;

    /// <summary>403 when a token lacks the scope the request needs; requests without a token pass.</summary>
    public static async ValueTask<object?> RequireScope(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.HasClaim(c => c.Type == TokenClaim))
        {
            var needed = ScopeFor(context.HttpContext.Request);
            if (!user.HasClaim(ScopeClaim, needed))
            {
                return Problems.Result(new Refusal(Problems.ScopeId, $"The API token lacks the scope \"{needed}\" this request needs."), forbidden: true);
            }
        }

        return await next(context);
    }
}

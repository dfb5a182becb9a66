using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Api;

/// <summary>How the JSON API authenticates: the browser's sign-in cookie, or a bearer token.</summary>
public static class ApiAuthentication
{
    public const string Scheme = "FenquanApi";
    public const string BearerScheme = "FenquanBearer";
    public const string Policy = "api";
}

/// <summary>
/// The seam for scoped, revocable API tokens (issue 3, built elsewhere): validates a bearer token and
/// returns the principal it stands for — with the same county / person claims as a sign-in — or null.
/// </summary>
public interface IApiTokenValidator
{
    Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken);
}

/// <summary>Until API tokens exist, no bearer token is valid.</summary>
public sealed class NoApiTokens : IApiTokenValidator
{
    public Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken) => Task.FromResult<ClaimsPrincipal?>(null);
}

public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiTokenValidator tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API token is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

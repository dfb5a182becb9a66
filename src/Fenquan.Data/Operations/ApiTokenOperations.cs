using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>A token just made, with its secret: shown once, never stored.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);

/// <summary>
/// Scoped, revocable API tokens for integrations. The secret is <c>fq_</c> + base64url of 32 random
/// bytes; only its SHA-256 is stored and ledgered. Authentication hashes the presented secret, finds
/// the row by hash and compares in constant time.
/// </summary>
public sealed class ApiTokenOperations(LedgerWriter writer, TimeProvider time)
{
    public const string Prefix = "fq_";

    /// <summary>Makes a token acting as <paramref name="person"/>; the secret is in the result only.</summary>
    public async Task<Result<IssuedApiToken>> CreateAsync(CountyId county, PersonId person, string name, IEnumerable<string> scopes, DateTimeOffset expiresAt)
    {
        var secret = NewSecret();
        var hash = Hash(secret);
        var created = await writer.ExecuteAsync(county, "api_token.created", ctx =>
        {
            if (!ctx.Db.People.AsNoTracking().Any(p => p.Id == person && p.CountyId == county))
            {
                return Refusal.NotFound($"Person {person}");
            }

            var token = ApiToken.Create(county, person, name, scopes, hash, expiresAt, ctx.Now);
            if (token.IsOk)
            {
                ctx.Db.Add(token.Value);
            }

            return token;
        });
        return created.IsOk ? Result<IssuedApiToken>.Ok(new IssuedApiToken(created.Value, secret)) : created.Refusal!;
    }

    /// <summary>The person the token acts as revokes it now; it never authenticates again.</summary>
    public Task<Result<ApiToken>> RevokeAsync(CountyId county, ApiTokenId id, PersonId by) =>
        writer.ExecuteAsync(county, "api_token.revoked", ctx =>
        {
            var token = ctx.Db.Set<ApiToken>().SingleOrDefault(t => t.Id == id && t.CountyId == county);
            if (token is null)
            {
                return Refusal.NotFound($"API token {id}");
            }

            var revoked = token.Revoke(by, ctx.Now);
            return revoked.IsOk ? Result<ApiToken>.Ok(token) : revoked.Refusal!;
        });

    /// <summary>
    /// Who the secret authenticates as, or a refusal (<see cref="ApiToken.UnauthenticatedId"/>) when it
    /// is malformed, unknown, expired or revoked. Read-only.
    /// </summary>
    public async Task<Result<ApiPrincipal>> AuthenticateAsync(FenquanDbContext db, string? secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return Result<ApiPrincipal>.Refused(ApiToken.UnauthenticatedId, "The token is not a Fenquan API token.");
        }

        var hash = Hash(secret);
        var token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash))
        {
            return Result<ApiPrincipal>.Refused(ApiToken.UnauthenticatedId, "The token is not known.");
        }

        var usable = token.CheckUsable(time.GetUtcNow());
        return usable.IsOk
            ? Result<ApiPrincipal>.Ok(new ApiPrincipal(token.Id, token.CountyId, token.PersonId, token.Scopes))
            : usable.Refusal!;
    }

    /// <summary>The person's tokens, newest first (no secrets: there are none to show).</summary>
    public static Task<List<ApiToken>> ListAsync(FenquanDbContext db, CountyId county, PersonId person, CancellationToken cancellationToken = default) =>
        db.Set<ApiToken>().AsNoTracking().Where(t => t.CountyId == county && t.PersonId == person).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>SHA-256 of the secret's UTF-8 bytes.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string NewSecret() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

public readonly record struct ApiTokenId(Guid Value)
{
    public static ApiTokenId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("D");
}

/// <summary>The scopes an integration's token may carry; anything else is refused (fail closed).</summary>
public static class ApiScopes
{
    public const string MattersRead = "matters:read";
    public const string MattersWrite = "matters:write";
    public const string LedgerRead = "ledger:read";

    public static IReadOnlyList<string> All { get; } = [MattersRead, MattersWrite, LedgerRead];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}

/// <summary>
/// A scoped, revocable API token for an integration, acting as one person of the county. Only the
/// SHA-256 of the secret is kept (and ledgered); the secret is shown once when the token is made.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Not a rule: the presented token does not authenticate (unknown, expired, revoked).</summary>
    public const string UnauthenticatedId = "Unauthenticated";

    /// <summary>[design] The longest a token may live.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private ApiToken()
    {
        Name = string.Empty;
        Scopes = [];
        SecretHash = [];
    }

    private ApiToken(CountyId county, PersonId person, string name, IReadOnlyList<string> scopes, byte[] secretHash, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        Id = ApiTokenId.New();
        CountyId = county;
        PersonId = person;
        Name = name;
        Scopes = scopes;
        SecretHash = secretHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public ApiTokenId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The person the token acts as: it can do nothing that person could not.</summary>
    public PersonId PersonId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Known scopes, distinct and in order.</summary>
    public IReadOnlyList<string> Scopes { get; private set; }

    /// <summary>SHA-256 of the secret (32 bytes); never the secret itself.</summary>
    public byte[] SecretHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Result<ApiToken> Create(CountyId county, PersonId person, string name, IEnumerable<string> scopes, ReadOnlySpan<byte> secretHash, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 100)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenName", "A token needs a name of at most 100 characters.");
        }

        var list = scopes.Select(s => s?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenScopeMissing", "A token needs at least one scope.");
        }

        if (list.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenScopeUnknown", "Unknown scope \"{scope}\"; known scopes are {known}.", ("scope", unknown), ("known", string.Join(", ", ApiScopes.All)));
        }

        if (expiresAt <= now)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenExpiryPast", "A token must expire in the future.");
        }

        if (expiresAt - now > MaxLifetime)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenTooLong", "A token lives at most 366 days.");
        }

        if (secretHash.Length != 32)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenHash", "The secret hash must be a SHA-256 digest (32 bytes).");
        }

        return Result<ApiToken>.Ok(new ApiToken(county, person, trimmed, list, secretHash.ToArray(), expiresAt, now));
    }

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether the token authenticates at the instant: not revoked, not expired.</summary>
    public Outcome CheckUsable(DateTimeOffset now)
    {
        if (RevokedAt is { } revoked && revoked <= now)
        {
            return Outcome.Refused(UnauthenticatedId, "The token was revoked.");
        }

        return now < ExpiresAt ? Outcome.Ok : Outcome.Refused(UnauthenticatedId, "The token has expired.");
    }

    /// <summary>Revokes the token now; only the person it acts as may (an administrator's revocation belongs to the web layer's authorisation).</summary>
    public Outcome Revoke(PersonId by, DateTimeOffset now)
    {
        if (by != PersonId)
        {
            return Refusal.NotFound("The token");
        }

        if (RevokedAt is not null)
        {
            return Refusal.Because(Refusal.InvalidId, "TokenRevoked", "The token is already revoked.");
        }

        RevokedAt = now;
        return Outcome.Ok;
    }
}

/// <summary>Who a token authenticates as.</summary>
public sealed record ApiPrincipal(ApiTokenId TokenId, CountyId CountyId, PersonId PersonId, IReadOnlyList<string> Scopes)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

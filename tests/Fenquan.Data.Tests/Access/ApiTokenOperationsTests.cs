using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Access;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Access;

// Scoped, revocable API tokens on SQLite and PostgreSQL: the secret is shown once and never stored.
public class ApiTokenOperationsTests
{
    private static async Task<(TestCounty County, ApiTokenOperations Tokens)> SetUpAsync(TestDatabase database) =>
        (await TestCounty.CreateAsync(database), new ApiTokenOperations(database.Writer, database.Time));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_AuthenticatesAsItsPerson_WithItsScopes_AndItsSecretIsNotStored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, tokens) = await SetUpAsync(database);

        var issued = await tokens.CreateAsync(county.County, county["赵敏"], "财务系统对接", [ApiScopes.MattersRead, ApiScopes.LedgerRead], database.Time.GetUtcNow().AddDays(90));

        Assert.True(issued.IsOk, issued.ToString());
        var secret = issued.Value.Secret;
        Assert.StartsWith("fq_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret[3..].Replace('-', '+').Replace('_', '/') + "=").Length);
        await using var db = database.Context();
        var principal = await tokens.AuthenticateAsync(db, secret);
        Assert.True(principal.IsOk, principal.ToString());
        Assert.Equal(county["赵敏"], principal.Value.PersonId);
        Assert.Equal(county.County, principal.Value.CountyId);
        Assert.Equal([ApiScopes.LedgerRead, ApiScopes.MattersRead], principal.Value.Scopes);

        var stored = await db.Set<ApiToken>().AsNoTracking().SingleAsync();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.SecretHash);
        var secretPart = secret[3..];
        foreach (var entry in await db.LedgerEntries.AsNoTracking().ToListAsync())
        {
            var text = Encoding.UTF8.GetString(entry.Bytes);
            Assert.DoesNotContain(secretPart, text, StringComparison.Ordinal);
        }

        Assert.True(await db.LedgerEntries.AnyAsync(e => e.Kind == "api_token.created" && e.SubjectId == stored.Id.Value));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RevokedToken_IsRefused_AndTheRevocationIsLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, tokens) = await SetUpAsync(database);
        var issued = (await tokens.CreateAsync(county.County, county["赵敏"], "对接", [ApiScopes.MattersWrite], database.Time.GetUtcNow().AddDays(30))).Value;

        Assert.False((await tokens.RevokeAsync(county.County, issued.Token.Id, county["周杰"])).IsOk);
        var revoked = await tokens.RevokeAsync(county.County, issued.Token.Id, county["赵敏"]);
        database.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(revoked.IsOk, revoked.ToString());
        await using var db = database.Context();
        var refused = await tokens.AuthenticateAsync(db, issued.Secret);
        Assert.Equal(ApiToken.UnauthenticatedId, refused.Refusal!.RuleId);
        Assert.Contains("revoked", refused.Refusal.Reason, StringComparison.Ordinal);
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.Kind == "api_token.revoked" && e.SubjectId == issued.Token.Id.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpiredToken_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, tokens) = await SetUpAsync(database);
        var issued = (await tokens.CreateAsync(county.County, county["赵敏"], "对接", [ApiScopes.MattersRead], database.Time.GetUtcNow().AddDays(1))).Value;
        database.Time.Advance(TimeSpan.FromDays(1));

        await using var db = database.Context();
        var refused = await tokens.AuthenticateAsync(db, issued.Secret);

        Assert.Equal(ApiToken.UnauthenticatedId, refused.Refusal!.RuleId);
        Assert.Contains("expired", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownOrMalformedToken_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, tokens) = await SetUpAsync(database);
        var issued = (await tokens.CreateAsync(county.County, county["赵敏"], "对接", [ApiScopes.MattersRead], database.Time.GetUtcNow().AddDays(1))).Value;

        await using var db = database.Context();
        Assert.False((await tokens.AuthenticateAsync(db, issued.Secret[..^1] + (issued.Secret[^1] == 'A' ? 'B' : 'A'))).IsOk);
        Assert.False((await tokens.AuthenticateAsync(db, "Bearer xyz")).IsOk);
        Assert.False((await tokens.AuthenticateAsync(db, null)).IsOk);
        Assert.False((await tokens.CreateAsync(county.County, county["赵敏"], "对接", ["admin:all"], database.Time.GetUtcNow().AddDays(1))).IsOk);
    }
}

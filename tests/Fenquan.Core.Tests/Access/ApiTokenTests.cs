using System.Security.Cryptography;
using Fenquan.Core.Access;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Access;

public class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Hash = SHA256.HashData("fq_secret"u8);

    private static ApiToken Token(params string[] scopes) =>
        ApiToken.Create(CountyId.New(), PersonId.New(), "财务系统", scopes.Length == 0 ? [ApiScopes.MattersRead] : scopes, Hash, Now.AddDays(30), Now).Value;

    [Fact]
    public void Token_IsUsableUntilItExpires_ThenRefused()
    {
        var token = Token();

        Assert.True(token.CheckUsable(Now.AddDays(29)).IsOk);
        Assert.Equal(ApiToken.UnauthenticatedId, token.CheckUsable(Now.AddDays(30)).Refusal!.RuleId);
    }

    [Fact]
    public void RevokedToken_IsRefused()
    {
        var token = Token();

        Assert.True(token.Revoke(token.PersonId, Now.AddHours(1)).IsOk);

        Assert.Equal(ApiToken.UnauthenticatedId, token.CheckUsable(Now.AddHours(2)).Refusal!.RuleId);
        Assert.False(token.Revoke(token.PersonId, Now.AddHours(3)).IsOk);
    }

    [Fact]
    public void SomeoneElse_CannotRevokeAToken() =>
        Assert.False(Token().Revoke(PersonId.New(), Now).IsOk);

    [Theory]
    [InlineData("admin:all")]
    [InlineData("")]
    public void UnknownScope_IsRefused(string scope) =>
        Assert.False(ApiToken.Create(CountyId.New(), PersonId.New(), "x", [scope], Hash, Now.AddDays(1), Now).IsOk);

    [Fact]
    public void ExpiryInThePast_OrBeyondAYear_IsRefused()
    {
        Assert.False(ApiToken.Create(CountyId.New(), PersonId.New(), "x", [ApiScopes.LedgerRead], Hash, Now, Now).IsOk);
        Assert.False(ApiToken.Create(CountyId.New(), PersonId.New(), "x", [ApiScopes.LedgerRead], Hash, Now.AddDays(367), Now).IsOk);
    }

    [Fact]
    public void Scopes_AreDistinctAndOrdered()
    {
        var token = Token(ApiScopes.MattersWrite, ApiScopes.LedgerRead, ApiScopes.MattersWrite);

        Assert.Equal([ApiScopes.LedgerRead, ApiScopes.MattersWrite], token.Scopes);
        Assert.True(token.HasScope(ApiScopes.LedgerRead));
        Assert.False(token.HasScope(ApiScopes.MattersRead));
    }
}

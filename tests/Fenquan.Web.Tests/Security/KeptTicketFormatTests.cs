using System.Security.Claims;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Fenquan.Web.Tests.Security;

/// <summary>The sign-in cookie's tickets kept between requests: same answers as the real format, fewer decryptions.</summary>
public sealed class KeptTicketFormatTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly CountingFormat _inner = new(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests")));

    private static AuthenticationTicket Ticket(string name)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim("unit", "u1")], "Identity.Application");
        var properties = new AuthenticationProperties { IssuedUtc = new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero), ExpiresUtc = new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero) };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Identity.Application");
    }

    [Fact]
    public void TheSameCookie_IsDecryptedOnce_AndEachRequestGetsItsOwnCopy()
    {
        var format = new KeptTicketFormat(_inner, _time);
        var cookie = format.Protect(Ticket("张伟"));

        var first = format.Unprotect(cookie)!;
        var second = format.Unprotect(cookie)!;

        Assert.Equal(1, _inner.Unprotected);
        Assert.Equal("张伟", first.Principal.Identity!.Name);
        Assert.Equal("张伟", second.Principal.Identity!.Name);
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
        Assert.NotSame(first, second);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.NotSame(first.Properties, second.Properties);

        // A renewal changes the request's ticket; the kept one stays as the cookie says.
        first.Properties.IssuedUtc = _time.GetUtcNow();
        ((ClaimsIdentity)first.Principal.Identity).AddClaim(new Claim("extra", "1"));
        var third = format.Unprotect(cookie)!;
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero), third.Properties.IssuedUtc);
        Assert.False(third.Principal.HasClaim(c => c.Type == "extra"));
    }

    [Fact]
    public void ATamperedCookie_IsRefused_AndNeverKept()
    {
        var format = new KeptTicketFormat(_inner, _time);
        var cookie = format.Protect(Ticket("张伟"));
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? "B" : "A") + cookie[^3..];

        Assert.Null(format.Unprotect(tampered));
        Assert.Null(format.Unprotect(tampered));
        Assert.Equal(2, _inner.Unprotected);
        Assert.Equal(0, format.Count);
        Assert.Null(format.Unprotect("not a cookie at all"));
    }

    [Fact]
    public void AKeptTicket_IsReadAgain_AfterKeptFor()
    {
        var format = new KeptTicketFormat(_inner, _time);
        var cookie = format.Protect(Ticket("李娜"));
        format.Unprotect(cookie);
        _time.Advance(KeptTicketFormat.KeptFor - TimeSpan.FromSeconds(1));
        format.Unprotect(cookie);
        Assert.Equal(1, _inner.Unprotected);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("李娜", format.Unprotect(cookie)!.Principal.Identity!.Name);
        Assert.Equal(2, _inner.Unprotected);
    }

    [Fact]
    public void APurpose_IsPassedThrough_AndNotKept()
    {
        var format = new KeptTicketFormat(_inner, _time);
        var cookie = format.Protect(Ticket("王芳"), "binding");
        Assert.Equal("王芳", format.Unprotect(cookie, "binding")!.Principal.Identity!.Name);
        Assert.Equal("王芳", format.Unprotect(cookie, "binding")!.Principal.Identity!.Name);
        Assert.Equal(2, _inner.Unprotected);
        Assert.Null(format.Unprotect(cookie));
    }

    [Fact]
    public void NoMoreThanMaxKept_AreKept()
    {
        var format = new KeptTicketFormat(_inner, _time);
        for (var i = 0; i < KeptTicketFormat.MaxKept + 10; i++)
        {
            Assert.NotNull(format.Unprotect(format.Protect(Ticket("user" + i))));
            Assert.True(format.Count <= KeptTicketFormat.MaxKept);
        }
    }

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return inner.Unprotect(protectedText, purpose);
        }
    }
}

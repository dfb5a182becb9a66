using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Fenquan.Web.Hosting;

/// <summary>
/// The sign-in cookie's ticket format, keeping the tickets of cookies it has read for a few minutes.
/// Reading a cookie decrypts and authenticates it with the data-protection keys (AES-CBC and
/// HMAC-SHA256, managed code on Linux) and deserialises the ticket: a quarter of the server's
/// request-side CPU under load (profiled on 2 cores, approval actions over the API). A client sends
/// the same cookie until it is renewed, so the same text gives the same ticket.
/// <para>
/// Nothing about what a cookie proves changes: the ticket kept is the one the inner format read from
/// that exact text, its expiry is still checked by the cookie handler on every request, and the
/// security-stamp check (revoked sign-ins) still runs when due. Each request gets its own copy, so a
/// handler that changes a ticket's properties (a renewal does) never changes the kept one. Text that
/// does not decrypt is never kept. A ticket is kept at most <see cref="KeptFor"/>, so retiring a
/// data-protection key takes effect within that time; at most <see cref="MaxKept"/> are kept.
/// </para>
/// Hand-written: ASP.NET Core has no cache for unprotected tickets (its ITicketStore keeps tickets
/// server side but still unprotects the cookie that names them).
/// </summary>
internal sealed class KeptTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public const int MaxKept = 4096;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _kept = new(StringComparer.Ordinal);

    /// <summary>Tickets kept now (for tests).</summary>
    public int Count => _kept.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = time.GetUtcNow();
        if (_kept.TryGetValue(protectedText, out var kept) && kept.Until > now)
        {
            return Copy(kept.Ticket);
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            _kept.TryRemove(protectedText, out _);
            return null;
        }

        if (_kept.Count >= MaxKept)
        {
            // Rare (thousands of distinct sign-ins within minutes): start again rather than track ages.
            _kept.Clear();
        }

        _kept[protectedText] = (ticket, now + KeptFor);
        return Copy(ticket);
    }

    // ClaimsPrincipal.Clone() shares its identities; each identity is cloned here (with its claims).
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new System.Security.Claims.ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}

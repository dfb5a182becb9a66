using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Accounts for the county's people (R1: every person of every unit works in the system): only a
/// county administrator issues first-sign-in codes, only for people of their own county, and a code
/// works once, before it expires, and only while it is the latest issued for the account.
/// </summary>
public static class AccountAccess
{
    /// <summary>How long a first-sign-in code works after it is issued.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(14);

    public static Refusal AdministratorsOnly { get; } = Refusal.Because("R1", "CodesByCountyAdministrators",
        "First-sign-in codes are issued by the county's administrators.");

    /// <summary>The same answer for a wrong, used, replaced or expired code, so that none can be told from another.</summary>
    public static Refusal CodeNotValid { get; } = Refusal.Because("R1", "FirstSignInCodeNotValid",
        "The sign-in name and first-sign-in code do not match an open code: it may be mistyped, used, replaced by a newer one, or expired. Ask the county administrator for a new one.");

    public static bool MayIssueCodes(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.IsCountyAdministrator;
    }

    /// <summary>A code's expiry when issued at <paramref name="now"/>.</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset now) => now + CodeLifetime;

    /// <summary>
    /// Whether a first sign-in may go ahead: the account has an open code (none once used or never
    /// issued), the code given matches it, and it has not expired.
    /// </summary>
    public static Outcome CheckCode(bool hasOpenCode, bool matches, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        hasOpenCode && matches && expiresAt is { } until && now < until ? Outcome.Ok : CodeNotValid;

    public static Refusal TwoFactorFirst { get; } = Refusal.Because("R1", "TwoFactorRequired",
        "This county requires two-factor sign-in: set up an authenticator at /account/manage/authenticator before anything else.");

    /// <summary>
    /// Whether a signed-in account must set up its authenticator before it uses anything: the county
    /// requires two-factor sign-in and the account has none yet.
    /// </summary>
    public static bool MustSetUpTwoFactor(bool countyRequires, bool accountHasTwoFactor) => countyRequires && !accountHasTwoFactor;
}

using Fenquan.Core.Access;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account;

/// <summary>Sign-in with user name and password; every attempt on a known account is ledgered; rate limited per address.</summary>
[EnableRateLimiting(FenquanWeb.SignInPolicy)]
public sealed class SignInModel(SignInManager<FenquanUser> signIn, UserManager<FenquanUser> users, SignInLedger ledger, IStringLocalizer<SharedResource> text, IStringLocalizer<SiteResource> site, Clock clock) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>A server without a county yet has nobody to sign in: its first run is the setup.</summary>
    public IActionResult OnGet([FromServices] Fenquan.Web.Setup.SetupGate setup) => setup.IsOpen ? Redirect("/setup") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (UserName ?? string.Empty).Trim();
        if (name.Length is 0 or > 100 || string.IsNullOrEmpty(Password) || Password.Length > 200)
        {
            Error = text["SignIn.Failed"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = await users.FindByNameAsync(name);
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.RequiresTwoFactor ? SignInOutcome.TwoFactorRequired
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : result.IsNotAllowed ? SignInOutcome.NotAllowed
            : SignInOutcome.Failed;
        await ledger.RecordAsync(user, name, outcome, HttpContext.Connection.RemoteIpAddress?.ToString());

        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturn(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = SafeReturn(ReturnUrl) });
        }

        Error = !result.IsLockedOut ? text["SignIn.Failed"]
            : user is not null && await users.GetLockoutEndDateAsync(user) is { } until && until > clock.Now
                ? site["SignIn.LockedUntil", clock.Local(until).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)]
                : text["SignIn.LockedOut"];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    internal static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}

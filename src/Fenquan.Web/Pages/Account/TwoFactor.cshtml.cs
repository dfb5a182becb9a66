using Fenquan.Core.Access;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account;

/// <summary>The second step of a sign-in with an authenticator app (TOTP).</summary>
[EnableRateLimiting(FenquanWeb.SignInPolicy)]
public sealed class TwoFactorModel(SignInManager<FenquanUser> signIn, SignInLedger ledger, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        await ledger.RecordAsync(user, user.UserName ?? string.Empty, outcome, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
        }

        Error = result.IsLockedOut ? text["SignIn.LockedOut"] : text["TwoFactor.Failed"];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}

using Fenquan.Core.Access;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account;

/// <summary>
/// First sign-in with the sign-in name and the code the county administrator handed out: the person
/// sets their own password here and is signed in. Ledgered like every sign-in; rate limited per address.
/// </summary>
[EnableRateLimiting(FenquanWeb.SignInPolicy)]
public sealed class FirstSignInModel(FirstSignInCodes codes, SignInManager<FenquanUser> signIn, UserManager<FenquanUser> users, SignInLedger ledger, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = (UserName ?? string.Empty).Trim();
        if (name.Length is 0 or > 100 || string.IsNullOrEmpty(Code) || Code.Length > 40 || string.IsNullOrEmpty(Password) || Password.Length > 200)
        {
            return Refused(text["First.Failed"], StatusCodes.Status400BadRequest);
        }

        if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            return Refused(text["First.Mismatch"], StatusCodes.Status400BadRequest);
        }

        var redeemed = await codes.RedeemAsync(name, Code, Password);
        if (!redeemed.IsOk)
        {
            await ledger.RecordAsync(await users.FindByNameAsync(name), name, SignInOutcome.Failed, HttpContext.Connection.RemoteIpAddress?.ToString());
            return Refused(redeemed.Refusal!.Key == AccountAccess.CodeNotValid.Key ? text["First.Failed"] : redeemed.Refusal.Reason, StatusCodes.Status401Unauthorized);
        }

        await ledger.RecordAsync(redeemed.Value, name, SignInOutcome.Succeeded, HttpContext.Connection.RemoteIpAddress?.ToString());
        await signIn.SignInAsync(redeemed.Value, isPersistent: false);
        return LocalRedirect("/workbench");
    }

    private PageResult Refused(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}

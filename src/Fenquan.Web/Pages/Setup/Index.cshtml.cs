using Fenquan.Web.Accounts;
using Fenquan.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Fenquan.Web.Pages.Setup;

/// <summary>First run: the county and its first county administrator, with the console's one-time code (see <see cref="SetupGate"/>).</summary>
[EnableRateLimiting(Hosting.FenquanWeb.SignInPolicy)]
public sealed class SetupModel(SetupGate gate, UserManager<FenquanUser> users, SignInManager<FenquanUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CountyName { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => gate.IsOpen ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var done = await gate.CompleteAsync(new SetupGate.SetupInput(Code, CountyName, UserName, Password, ConfirmPassword), users, HttpContext.RequestAborted);
        if (!done.IsOk)
        {
            if (done.Refusal!.IsNotFound)
            {
                return NotFound();
            }

            Error = done.Refusal.Reason;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInAsync(done.Value, isPersistent: false);
        return Redirect("/admin/county");
    }
}

using Fenquan.Core.CountyAdministration;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// The county's administrators (R40): who they are, the pending grants and revocations, and the
/// forms to propose (by user name), confirm, withdraw and revoke. The core decides every step
/// (<see cref="AdministratorService"/>); anyone but a county administrator is refused the page.
/// </summary>
public sealed class AdministratorsModel(AdministratorService service, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public AdministratorsView View { get; private set; } = new([], []);

    [BindProperty]
    public string? Account { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            var read = await service.ReadAsync(Viewer);
            if (!read.Result.IsOk)
            {
                context.Result = Forbid();
                return null!;
            }

            View = read.Result.Value;
            return await next();
        });

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostGrantAsync() =>
        await DoneAsync(await service.ProposeAsync(Viewer, AdministratorChangeKind.Grant, Account), "Administrators.Proposed");

    public async Task<IActionResult> OnPostRevokeAsync() =>
        await DoneAsync(await service.ProposeAsync(Viewer, AdministratorChangeKind.Revoke, Account), "Administrators.Proposed");

    public async Task<IActionResult> OnPostConfirmAsync(Guid id) =>
        await DoneAsync(await service.ConfirmAsync(Viewer, id), "Administrators.Confirmed");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        await DoneAsync(await service.WithdrawAsync(Viewer, id), "Administrators.Withdrawn");

    private async Task<IActionResult> DoneAsync(AdministratorOutcome<AdministratorGrant> outcome, string notice)
    {
        if (outcome.Forbidden)
        {
            return Forbid();
        }

        if (!outcome.Result.IsOk)
        {
            Show(outcome.Result.Refusal!);
            View = (await service.ReadAsync(Viewer)).Result.Value;
            return Page();
        }

        Notice = Text[outcome.Result.Value.Bootstrap ? "Administrators.Bootstrapped" : notice];
        return RedirectToPage();
    }
}

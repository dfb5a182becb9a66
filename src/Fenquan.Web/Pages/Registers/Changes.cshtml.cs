using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>
/// Changes to the county's route-deciding data (R40): each proposal with what it would change,
/// confirmed by a second county administrator (never its proposer) or withdrawn by its proposer;
/// and the proposal of new county bounds.
/// </summary>
public sealed class ChangesModel(CountyDataService data, IStringLocalizer<SharedResource> text) : CountyDataPage(data, text)
{
    [BindProperty]
    public CountyBounds? Bounds { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public void OnGet() => Bounds = View.Bounds;

    public Task<IActionResult> OnPostBoundsAsync() =>
        ProposeAsync(CountyChangeSubject.Bounds, Bounds is null ? Refusal.Because(Refusal.InvalidId, "BoundsMissing", "bounds: give the county's bounds.") : Result<string>.Ok(CountyChangePayload.BoundsToJson(Bounds)), Summary);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id) => Done(await Data.ConfirmAsync(Viewer, id), "CountyData.Confirmed");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id) => Done(await Data.WithdrawAsync(Viewer, id), "CountyData.Withdrawn");

    private IActionResult Done(CountyChangeOutcome outcome, string notice)
    {
        if (outcome.Forbidden)
        {
            return Forbid();
        }

        if (!outcome.Result.IsOk)
        {
            Show(outcome.Result.Refusal!);
            Bounds = View.Bounds;
            return Page();
        }

        Notice = Text[notice];
        return RedirectToPage();
    }
}

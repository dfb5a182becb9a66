using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Web.Citizens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Applications;

/// <summary>
/// One application for its handling unit: the applicant's data (only the unit's people see it), the
/// clock, what happened, and the steps — accept, ask once for every missing document, refuse with
/// reasons, pause and resume the clock, charge the published fee, complete a step or decide.
/// </summary>
public sealed class ApplicationDetailsModel(ApplicationService applications, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public ApplicationView View { get; private set; } = null!;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<string> Missing { get; set; } = [];

    [BindProperty]
    public PauseReason Pause { get; set; }

    [BindProperty]
    public decimal Amount { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await applications.GetAsync(Viewer, id);
        if (!found.IsOk)
        {
            return NotFound();
        }

        View = found.Value;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => ActAsync(id, "application.accepted", (a, org, now, _) => a.Accept(Me, org, now, Viewer.Today));

    public Task<IActionResult> OnPostCorrectionAsync(Guid id) =>
        ActAsync(id, "application.correction-requested", (a, org, now, calendar) => a.RequestCorrection(Me, [.. Missing, .. (Note ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], org, now, Viewer.Today, calendar));

    public Task<IActionResult> OnPostRefuseAsync(Guid id) => ActAsync(id, "application.refused", (a, org, now, _) => a.Refuse(Me, Note ?? string.Empty, org, now, Viewer.Today));

    public Task<IActionResult> OnPostPauseAsync(Guid id) => ActAsync(id, "application.paused", (a, org, now, _) => a.Pause(Me, Pause, Note ?? string.Empty, org, now, Viewer.Today));

    public Task<IActionResult> OnPostResumeAsync(Guid id) => ActAsync(id, "application.resumed", (a, org, now, _) => a.Resume(Me, org, now, Viewer.Today));

    public Task<IActionResult> OnPostFeeAsync(Guid id) => ActAsync(id, "application.fee-charged", (a, org, now, _) => a.ChargeFee(Me, Amount, org, now, Viewer.Today));

    public Task<IActionResult> OnPostStepAsync(Guid id) => ActAsync(id, "application.step-completed", (a, org, now, _) => a.CompleteStep(Me, Note ?? string.Empty, grant: true, org, now, Viewer.Today));

    private PersonId Me => Viewer.Person ?? default;

    private async Task<IActionResult> ActAsync(Guid id, string kind, Func<ApprovalApplication, Core.Organization.IOrganizationView, DateTimeOffset, Core.Calendar.WorkingCalendar, Outcome> act)
    {
        if (Viewer.Person is null)
        {
            return NotFound();
        }

        var done = await applications.ActAsync(Viewer, id, kind, act);
        if (done.Refusal is { IsNotFound: true })
        {
            return NotFound();
        }

        if (!done.IsOk)
        {
            Show(done.Refusal!);
            View = (await applications.GetAsync(Viewer, id)).Value;
            return Page();
        }

        Notice = Text["Applications.Done"];
        return RedirectToPage(new { id });
    }
}

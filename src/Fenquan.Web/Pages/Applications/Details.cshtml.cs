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

    /// <summary>R24: the files the applicant handed in (the handling unit's people only).</summary>
    public IReadOnlyList<ApplicationDocument> Files { get; private set; } = [];

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
        Files = (await applications.DocumentsAsync(Viewer, id)) is { IsOk: true } files ? files.Value : [];
        return Page();
    }

    /// <summary>R24: downloads one file the applicant handed in; NotFound for anyone outside the handling unit.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid document)
    {
        var opened = await applications.OpenDocumentAsync(Viewer, id, document);
        if (!opened.IsOk)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(opened.Value.Content, opened.Value.Document.ContentType, opened.Value.Document.FileName);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => ShowAsync(id, applications.AcceptAsync(Viewer, id));

    public Task<IActionResult> OnPostCorrectionAsync(Guid id) =>
        ShowAsync(id, applications.RequestCorrectionAsync(Viewer, id, [.. Missing, .. (Note ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]));

    public Task<IActionResult> OnPostRefuseAsync(Guid id) => ShowAsync(id, applications.RefuseAsync(Viewer, id, Note ?? string.Empty));

    public Task<IActionResult> OnPostPauseAsync(Guid id) => ShowAsync(id, applications.PauseAsync(Viewer, id, Pause, Note ?? string.Empty));

    public Task<IActionResult> OnPostResumeAsync(Guid id) => ShowAsync(id, applications.ResumeAsync(Viewer, id));

    public Task<IActionResult> OnPostFeeAsync(Guid id) => ShowAsync(id, applications.ChargeFeeAsync(Viewer, id, Amount));

    public Task<IActionResult> OnPostStepAsync(Guid id) => ShowAsync(id, applications.CompleteStepAsync(Viewer, id, Note ?? string.Empty));

    public Task<IActionResult> OnPostReferAsync(Guid id) => ShowAsync(id, applications.ReferToTeamAsync(Viewer, id));

    private async Task<IActionResult> ShowAsync(Guid id, Task<Result<ApprovalApplication>> acting)
    {
        var done = await acting;
        if (done.Refusal is { IsNotFound: true })
        {
            return NotFound();
        }

        if (!done.IsOk)
        {
            Show(done.Refusal!);
            View = (await applications.GetAsync(Viewer, id)).Value;
            Files = (await applications.DocumentsAsync(Viewer, id)) is { IsOk: true } files ? files.Value : [];
            return Page();
        }

        Notice = Text["Applications.Done"];
        return RedirectToPage(new { id });
    }
}

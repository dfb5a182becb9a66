using Fenquan.Core.Supervision;
using Fenquan.Web.Api;
using Fenquan.Web.Citizens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>
/// 办件查询: with the receipt number and the follow-up code, the applicant sees the state, the current
/// step, the working days used and left (R46), hands in missing documents, downloads the decision,
/// files an efficiency complaint and rates its reply (R32). A complaint's own receipt and code show
/// that complaint. An unknown receipt and a wrong code answer identically. Not rate-limited: a
/// follow-up code has 80 random bits, and a complaint filed here needs the application's code.
/// </summary>
public sealed class PublicFollowUpModel(ApplicationService applications, ComplaintService complaints, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    [BindProperty]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public List<string> Documents { get; set; } = [];

    [BindProperty]
    public string? ComplaintText { get; set; }

    [BindProperty]
    public Guid ComplaintId { get; set; }

    [BindProperty]
    public ServiceRating Rating { get; set; }

    public FollowUpView? View { get; private set; }

    public EfficiencyComplaint? Complaint { get; private set; }

    public string? Notice { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => ShowAsync();

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        // R24: the missing documents as the request named them, one file input each (the same order as the form).
        var missing = await applications.FollowAsync(Receipt, Code) is { } shown ? shown.Status.MissingDocuments : [];
        var (files, handed) = DocumentUploads.Of(Request.Form.Files, missing, Documents);
        var done = await applications.CorrectAsync(Receipt ?? string.Empty, Code ?? string.Empty, handed, files);
        return await ShowAsync(done.IsOk ? null : done.Refusal, "FollowUp.Corrected");
    }

    public async Task<IActionResult> OnPostComplainAsync()
    {
        var filed = await complaints.FileFromApplicationAsync(Receipt ?? string.Empty, Code ?? string.Empty, ComplaintText ?? string.Empty);
        return await ShowAsync(filed.IsOk ? null : filed.Refusal, "FollowUp.Complained");
    }

    public async Task<IActionResult> OnPostRateAsync()
    {
        var rated = await complaints.RateAsync(ComplaintId, Receipt ?? string.Empty, Code ?? string.Empty, Rating);
        return await ShowAsync(rated.IsOk ? null : rated.Refusal, "FollowUp.Rated");
    }

    public async Task<IActionResult> OnPostPdfAsync()
    {
        var pdf = await applications.DecisionPdfAsync(Receipt, Code);
        return pdf is { } file ? File(file.Pdf, "application/pdf", file.FileName) : await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync(Core.Primitives.Refusal? refusal = null, string? done = null)
    {
        View = await applications.FollowAsync(Receipt, Code);
        Complaint = View is null ? await complaints.FollowAsync(Receipt, Code) : null;
        if (View is null && Complaint is null)
        {
            // The same answer for an unknown receipt and a wrong code.
            Error = Text["FollowUp.NotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (refusal is not null)
        {
            Error = Problems.Message(refusal);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (done is not null)
        {
            Notice = Text[done];
        }

        return Page();
    }
}

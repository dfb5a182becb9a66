using Fenquan.Core.Licensing;
using Fenquan.Data.Operations;
using Fenquan.Web.Api;
using Fenquan.Web.Citizens;
using Fenquan.Web.Hosting;
using Fenquan.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>
/// An application without an account (R24): the applicant names themselves (ID card or unified social
/// credit code) and hands in the documents; they get a receipt number and a follow-up code, shown
/// once. A file may be uploaded for each required document (only the handling unit downloads it).
/// Rate-limited per client address, which is not stored.
/// </summary>
[EnableRateLimiting(FenquanWeb.IntakePolicy)]
public sealed class PublicApplyModel(PublicRegisterService registers, ApplicationService applications, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicRegister Register { get; private set; } = null!;

    public ApprovalItemEntry Item { get; private set; } = null!;

    [BindProperty]
    public ApplicantKind Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public List<string> Documents { get; set; } = [];

    /// <summary>After submission: the receipt number and the code (shown once, never stored).</summary>
    public SubmittedApplication? Submitted { get; private set; }

    public IActionResult OnGet(Guid county, string code) => Load(county, code) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid county, string code)
    {
        if (!Load(county, code))
        {
            return NotFound();
        }

        // R24: a file per required document; a document with a file is handed in as if ticked.
        var (files, handed) = DocumentUploads.Of(Request.Form.Files, Item.Documents, Documents);
        var submitted = await applications.SubmitAsync(county, code, new Applicant(Kind, Name ?? string.Empty, Number ?? string.Empty, Contact ?? string.Empty), handed, HttpContext.RequestAborted, files);
        if (!submitted.IsOk)
        {
            Error = Problems.Message(submitted.Refusal!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Submitted = submitted.Value;
        return Page();
    }

    private bool Load(Guid county, string code)
    {
        if (registers.Read(county) is not { } register || register.Register.Find(code) is not { UnitId: not null } item)
        {
            return false;
        }

        (Register, Item) = (register, item);
        return true;
    }
}

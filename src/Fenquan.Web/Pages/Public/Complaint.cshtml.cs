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
/// The public efficiency-complaint form (R32): about a unit and, optionally, one of its people; the
/// complainant gets a receipt number and code to read the reply and rate it. Rate-limited.
/// </summary>
[EnableRateLimiting(FenquanWeb.IntakePolicy)]
public sealed class PublicComplaintModel(PublicRegisterService registers, ComplaintService complaints, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicRegister Register { get; private set; } = null!;

    public IReadOnlyList<(Guid Unit, Guid Person, string Name)> People { get; private set; } = [];

    [BindProperty]
    public Guid Unit { get; set; }

    [BindProperty]
    public Guid? About { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Complainant { get; set; }

    public FiledComplaint? Filed { get; private set; }

    public IActionResult OnGet(Guid county) => Load(county) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid county)
    {
        if (!Load(county))
        {
            return NotFound();
        }

        var filed = await complaints.FilePublicAsync(county, Unit, About, Body ?? string.Empty, Complainant ?? string.Empty);
        if (!filed.IsOk)
        {
            Error = Problems.Message(filed.Refusal!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filed = filed.Value;
        return Page();
    }

    private bool Load(Guid county)
    {
        if (registers.Read(county) is not { } register)
        {
            return false;
        }

        Register = register;
        People = registers.PeopleOf(register.County);
        return true;
    }
}

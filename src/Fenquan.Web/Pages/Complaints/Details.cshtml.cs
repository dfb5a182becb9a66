using Fenquan.Core.Calendar;
using Fenquan.Core.Primitives;
using Fenquan.Core.Supervision;
using Fenquan.Web.Citizens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Complaints;

/// <summary>One complaint for its handler (R32): read, extend once with a reason, answer. Anyone else — the person complained of above all — gets 404.</summary>
public sealed class ComplaintDetailsModel(ComplaintService complaints, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public EfficiencyComplaint Complaint { get; private set; } = null!;

    public (int Used, LimitColour Colour) Status { get; private set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public int Days { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostAnswerAsync(Guid id) => ActAsync(id, "complaint.answered", (c, org, now) => c.Answer(Viewer.Person ?? default, Reply ?? string.Empty, org, now, Viewer.Today));

    public Task<IActionResult> OnPostExtendAsync(Guid id) => ActAsync(id, "complaint.extended", (c, org, _) => c.Extend(Viewer.Person ?? default, Days, Reason ?? string.Empty, org, Viewer.Today));

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await complaints.GetAsync(Viewer, id);
        if (!found.IsOk)
        {
            return false;
        }

        Complaint = found.Value;
        Status = complaints.StatusOf(Complaint, Viewer);
        return true;
    }

    private async Task<IActionResult> ActAsync(Guid id, string kind, Func<EfficiencyComplaint, Core.Organization.IOrganizationView, DateTimeOffset, Outcome> act)
    {
        var done = await complaints.ActAsync(Viewer, id, kind, act);
        if (done.Refusal is { IsNotFound: true })
        {
            return NotFound();
        }

        if (!done.IsOk)
        {
            Show(done.Refusal!);
            await LoadAsync(id);
            return Page();
        }

        Notice = Text["Applications.Done"];
        return RedirectToPage(new { id });
    }
}

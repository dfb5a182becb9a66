using Fenquan.Core.Supervision;
using Fenquan.Web.Api;
using Fenquan.Web.Citizens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Complaints;

/// <summary>
/// Efficiency complaints (R32): those the viewer handles (the core decides: never one about
/// themselves), and the form on which staff enter a telephone call or a 12345 work order.
/// </summary>
public sealed class ComplaintsIndexModel(ComplaintService complaints, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<EfficiencyComplaint> Complaints { get; private set; } = [];

    [BindProperty]
    public ComplaintChannel Channel { get; set; } = ComplaintChannel.Hotline12345;

    [BindProperty]
    public string? Order { get; set; }

    [BindProperty]
    public string? Complainant { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public string? Entered { get; private set; }

    public async Task OnGetAsync() => Complaints = await complaints.VisibleAsync(Viewer);

    public async Task<IActionResult> OnPostEnterAsync()
    {
        var filed = await complaints.EnterAsync(Viewer, Channel, Order, null, Body ?? string.Empty, Complainant ?? string.Empty);
        if (!filed.IsOk)
        {
            Show(filed.Refusal!);
        }
        else
        {
            Entered = filed.Value.Complaint.ReceiptNumber + " · " + filed.Value.FollowUpCode;
        }

        Complaints = await complaints.VisibleAsync(Viewer);
        return Page();
    }
}

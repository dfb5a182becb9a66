using Fenquan.Web.Citizens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Complaints;

/// <summary>The county sees counts (R32, R46): yellow and red cards per unit, person and item; complaints and ratings per unit. Never a complaint's content.</summary>
public sealed class MonitorModel(ComplaintService complaints, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public CountyMonitor Monitor { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await complaints.MonitorAsync(Viewer) is not { } monitor)
        {
            return Forbid();
        }

        Monitor = monitor;
        return Page();
    }
}

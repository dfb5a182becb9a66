using Fenquan.Core.Licensing;
using Fenquan.Web.Citizens;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Applications;

/// <summary>The unit's approval applications with their clocks and colours (R24, R46), and its yellow and red cards.</summary>
public sealed class ApplicationsIndexModel(ApplicationService applications, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Applications = await applications.OfUnitAsync(Viewer);
        Cards = Card.Of(Applications.Select(a => a.Application), Viewer.Today, applications.Calendar(Viewer.County), applications.Watch);
    }
}

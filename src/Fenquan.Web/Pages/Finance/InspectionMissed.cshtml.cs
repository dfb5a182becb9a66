using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>For the county's discipline inspection (R8): inspections not done by their deadline, claims nobody could inspect, rectifications not closed in time.</summary>
public sealed class InspectionMissedModel(InspectionService inspections, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<Overdue> Missed { get; private set; } = [];

    public IReadOnlyDictionary<UnitId, string> Units { get; private set; } = new Dictionary<UnitId, string>();

    public string NameOf(PersonId person) => MatterService.NameOf(Viewer, person);

    public IActionResult OnGet()
    {
        if (!inspections.MaySeeMissed(Viewer))
        {
            return Forbid();
        }

        Missed = inspections.Missed(Viewer);
        Units = inspections.UnitNames(Viewer);
        return Page();
    }
}

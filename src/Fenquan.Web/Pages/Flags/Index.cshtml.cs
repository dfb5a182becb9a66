using Fenquan.Web.Flags;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Flags;

/// <summary>R47: red flags counted per unit, with the latest flagged matters — the county's view for its administrators and discipline inspection, a unit's own for its team, office and discipline member.</summary>
public sealed class FlagsIndexModel(FlagService flags, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public FlagOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await flags.OverviewAsync(Viewer) is not { } overview)
        {
            return Forbid();
        }

        Overview = overview;
        return Page();
    }
}

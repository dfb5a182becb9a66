using Fenquan.Web.Construction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>R22: a construction project's tender method, procedure, winning candidates and result, published without sign-in once its tender is recorded.</summary>
public sealed class PublicConstructionModel(ConstructionService projects, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicProject Shown { get; private set; } = null!;

    public IActionResult OnGet(Guid county, Guid id)
    {
        if (projects.Published(county, id) is not { } shown)
        {
            return NotFound();
        }

        Shown = shown;
        return Page();
    }
}

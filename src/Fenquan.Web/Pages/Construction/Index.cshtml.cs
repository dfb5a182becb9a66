using Fenquan.Core.Construction;
using Fenquan.Web.Construction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Construction;

/// <summary>The unit's construction projects (R19) and the proposal form (立项, for the team's collective decision, R21).</summary>
public sealed class ConstructionIndexModel(ConstructionService projects, IStringLocalizer<SharedResource> text, IStringLocalizer<ConstructionResource> constructionText) : FenquanPage(text)
{
    public IReadOnlyList<ConstructionProject> Projects { get; private set; } = [];

    public IActionResult OnGet()
    {
        Projects = projects.List(Viewer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? title, decimal budget)
    {
        var proposed = await projects.ProposeAsync(Viewer, title, budget);
        if (!proposed.IsOk)
        {
            Show(proposed.Refusal!);
            Projects = projects.List(Viewer);
            return Page();
        }

        Notice = constructionText["Propose.Done"];
        return Redirect($"/construction/{proposed.Value.Id:D}");
    }
}

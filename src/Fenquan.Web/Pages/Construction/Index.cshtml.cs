using Fenquan.Core.Construction;
using Fenquan.Core.Primitives;
using Fenquan.Web.Construction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Construction;

/// <summary>The unit's construction projects (R19) and the proposal form (立项, for the team's collective decision, R21).</summary>
public sealed class ConstructionIndexModel(ConstructionService projects, IStringLocalizer<SharedResource> text, IStringLocalizer<ConstructionResource> constructionText, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public IReadOnlyList<ConstructionProject> Projects { get; private set; } = [];

    public IActionResult OnGet()
    {
        Projects = projects.List(Viewer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? title, string? budget)
    {
        // The budget as typed ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"); an unreadable one is refused naming its field.
        var amount = Fenquan.Web.Finance.AmountField.Read(budget, constructionText["Propose.Budget"], financeText);
        var proposed = amount.IsOk ? await projects.ProposeAsync(Viewer, title, amount.Value) : Result<ConstructionProject>.Refused(amount.Refusal!);
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

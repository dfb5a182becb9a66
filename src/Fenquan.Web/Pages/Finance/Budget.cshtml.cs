using Fenquan.Web.Api;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>
/// The unit's budget by line for a year (R4, R5): each line's budget, commitments, payments and
/// balance; the finance staff's import of the approval workbook and the second official's confirmation.
/// </summary>
public sealed class BudgetModel(BudgetService budgets, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    [FromRoute]
    public int? Year { get; set; }

    public BudgetView View { get; private set; } = new(0, null, []);

    public bool MayImport => BudgetService.MayImport(Viewer);

    public bool MayConfirm => BudgetService.MayConfirm(Viewer);

    [BindProperty]
    public string? Document { get; set; }

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public IActionResult OnGetTemplate() => File(Documents.Budgets.BudgetWorkbook.Template(), BudgetEndpoints.BudgetWorkbookContentType, "预算批复模板.xlsx");

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        if (file is null || file.Length is 0 or > BudgetService.MaxWorkbook)
        {
            Show(Core.Primitives.Refusal.Invalid(financeText["Budget.ChooseFile"]));
            return Load() ? Page() : NotFound();
        }

        await using var stream = file.OpenReadStream();
        var imported = await budgets.ImportAsync(Viewer, YearShown, Document, stream);
        return Done(imported.Result.IsOk ? null : imported.Result.Refusal, financeText["Budget.Imported"]);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid budget)
    {
        var confirmed = await budgets.ConfirmAsync(Viewer, budget);
        return Done(confirmed.Result.IsOk ? null : confirmed.Result.Refusal, financeText["Budget.Confirmed"]);
    }

    public int YearShown => Year ?? Viewer.Today.Year;

    private IActionResult Done(Core.Primitives.Refusal? refusal, string notice)
    {
        if (refusal is not null)
        {
            Show(refusal);
            return Load() ? Page() : NotFound();
        }

        Notice = notice;
        return Redirect($"/finance/budget/{YearShown}");
    }

    private bool Load()
    {
        var view = budgets.Of(Viewer, YearShown);
        View = view.IsOk ? view.Value : View;
        return view.IsOk;
    }
}

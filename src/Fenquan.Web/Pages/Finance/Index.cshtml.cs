using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>The finance staff's page: approved matters to pay (R42, R43) and the unit's income (R9).</summary>
public sealed class FinanceIndexModel(PaymentService payments, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public IReadOnlyList<(Matter Matter, decimal Paid)> ToPay { get; private set; } = [];

    public IReadOnlyList<Income> IncomeList { get; private set; } = [];

    public bool MayRecordIncome => PaymentService.MayRecordIncome(Viewer);

    [BindProperty]
    public IncomeInput Income { get; set; } = new();

    /// <summary>The income's amount as typed ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"), read by <see cref="AmountField"/>.</summary>
    [BindProperty]
    public string? IncomeAmount { get; set; }

    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostIncomeAsync()
    {
        var amount = AmountField.Read(IncomeAmount, financeText["Income.Amount"], financeText);
        Income.Amount = amount.IsOk ? amount.Value : null;
        var recorded = amount.IsOk ? await payments.RecordIncomeAsync(Viewer, Income) : null;
        if (recorded is null || !recorded.Result.IsOk)
        {
            Show(recorded?.Result.Refusal ?? amount.Refusal!);
            Load();
            return Page();
        }

        Notice = financeText["Income.Done"];
        return Redirect("/finance");
    }

    private void Load()
    {
        ToPay = payments.ToPay(Viewer);
        IncomeList = payments.IncomeOf(Viewer);
    }
}

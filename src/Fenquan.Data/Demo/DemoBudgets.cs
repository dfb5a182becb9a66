using Fenquan.Core.Finance;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Demo;

/// <summary>
/// The demo units' budgets (R4, R5): for every year the demo's history covers, the finance staff
/// import an approval and the finance deputy confirms it, with lines ample for the demo's claims;
/// each finance matter is charged to the line its title names.
/// </summary>
internal static class DemoBudgets
{
    private static readonly Dictionary<string, string> LineOfTitle = new(StringComparer.Ordinal)
    {
        ["差旅费报销"] = "30211",
        ["办公用品费报销"] = "30201",
        ["车辆维修费"] = "30231",
        ["会议室设备维修费"] = "30213",
        ["培训费报销"] = "30216",
        ["水电费"] = "30206",
        ["下乡调研交通费"] = "30239",
        ["上级检查组工作餐"] = EconomicClassification.Reception,
        ["兄弟单位考察接待"] = EconomicClassification.Reception,
    };

    /// <summary>The budget line a demo matter is charged to: finance matters by their title, others none.</summary>
    public static string? LineFor(MatterKind kind, string title) =>
        kind is MatterKind.Expense or MatterKind.Reception && LineOfTitle.TryGetValue(title, out var code) ? code : null;

    /// <summary>Imports and confirms the unit's budget for each year from <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public static async Task SeedAsync(BudgetOperations budgets, CountyId county, UnitId unit, PersonId financeStaff, PersonId financeDeputy, int firstYear, int lastYear, int matters)
    {
        // Ample for the demo's claims however many it seeds: about 110 yuan a line per matter are spent.
        var amount = Math.Max(500_000m, matters * 2_000m);
        var rows = LineOfTitle.Values.Distinct().Order(StringComparer.Ordinal)
            .Select((code, i) => new BudgetSheetRow(i + 2, code, EconomicClassification.NameOf(code), amount.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var imported = await budgets.ImportAsync(county, unit, year, $"清财预〔{year}〕12号", rows, financeStaff);
            var budget = imported.IsOk ? imported.Value : throw new InvalidOperationException("Demo budget: " + imported.Refusal);
            var confirmed = await budgets.ConfirmAsync(county, unit, budget.Id, financeDeputy);
            if (!confirmed.IsOk)
            {
                throw new InvalidOperationException("Demo budget: " + confirmed.Refusal);
            }
        }
    }
}

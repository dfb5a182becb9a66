using System.Globalization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Finance;

/// <summary>
/// Builds a unit's quarterly statement from what was recorded (R9) and says what a correction
/// changed. Expenditure is what was paid in the quarter; a reception is a payment on a reception
/// matter or charged to 公务接待费 (30217); a large item is a matter paid at least the threshold in the quarter.
/// </summary>
public static class QuarterlyStatement
{
    /// <summary>The large-item threshold when the county sets none: the collective limit (R5).</summary>
    public const decimal DefaultLargeItemThreshold = 5_000m;

    public const string NoLine = "—";

    /// <summary>
    /// The statement of <paramref name="quarter"/>. <paramref name="describe"/> gives the title and
    /// payee of the matters listed as large items or receptions (only those are asked for).
    /// </summary>
    public static StatementContent Build(string unitName, Quarter quarter, IEnumerable<StatementPayment> payments, IEnumerable<Income> income, decimal largeItemThreshold,
        Func<IReadOnlyCollection<Guid>, IReadOnlyDictionary<Guid, (string Title, string Payee)>> describe)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(income);
        ArgumentNullException.ThrowIfNull(describe);
        var paid = payments.Where(p => quarter.Contains(p.PaidOn)).ToList();
        var received = income.Where(i => quarter.Contains(i.ReceivedOn)).ToList();

        var incomeByKind = received.GroupBy(i => i.Kind).OrderBy(g => g.Key)
            .Select(g => new StatementAmount(g.Key.ToString(), IncomeName(g.Key), g.Sum(i => i.Amount), g.Count())).ToList();
        var byLine = paid.GroupBy(p => p.LineCode ?? NoLine).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StatementAmount(g.Key, g.First().LineName ?? "未列预算科目", g.Sum(p => p.Amount), g.Select(p => p.MatterId).Distinct().Count())).ToList();
        var byCategory = paid.GroupBy(p => CategoryOf(p.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StatementAmount(g.Key, CategoryName(g.Key), g.Sum(p => p.Amount), g.Select(p => p.MatterId).Distinct().Count())).ToList();
        var perMatter = paid.GroupBy(p => p.MatterId).Select(g =>
        {
            var first = g.First();
            var line = first.LineCode is null ? NoLine : $"{first.LineCode} {first.LineName}";
            return (g.Key, Line: line, Amount: g.Sum(p => p.Amount), Last: g.Max(p => p.PaidOn), Reception: first.Kind == MatterKind.Reception || first.LineCode == EconomicClassification.Reception);
        }).Where(m => m.Amount >= largeItemThreshold || m.Reception).ToList();
        var names = describe([.. perMatter.Select(m => m.Key)]);
        StatementItem Item((Guid Key, string Line, decimal Amount, DateOnly Last, bool Reception) m) =>
            names.TryGetValue(m.Key, out var n) ? new(m.Key, n.Title, n.Payee, m.Line, m.Amount, m.Last) : new(m.Key, string.Empty, string.Empty, m.Line, m.Amount, m.Last);
        var large = perMatter.Where(m => m.Amount >= largeItemThreshold).Select(Item).OrderByDescending(i => i.Amount).ThenBy(i => i.MatterId).ToList();
        var receptions = perMatter.Where(m => m.Reception).Select(Item).OrderBy(i => i.LastPaidOn).ThenBy(i => i.MatterId).ToList();
        return new StatementContent(unitName, quarter.Year, quarter.Number, largeItemThreshold, incomeByKind, byLine, byCategory, large, receptions);
    }

    /// <summary>What <paramref name="current"/> changed from <paramref name="previous"/>, one line per total that differs; empty when nothing did.</summary>
    public static IReadOnlyList<string> Changes(StatementContent previous, StatementContent current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<string>();
        void Compare(string section, IReadOnlyList<StatementAmount> before, IReadOnlyList<StatementAmount> after)
        {
            foreach (var key in before.Select(b => b.Key).Union(after.Select(a => a.Key)).Order(StringComparer.Ordinal))
            {
                var b = before.FirstOrDefault(x => x.Key == key);
                var a = after.FirstOrDefault(x => x.Key == key);
                if (b?.Amount != a?.Amount)
                {
                    changes.Add($"{section} {(a ?? b)!.Name}: {Yuan(b?.Amount ?? 0m)} → {Yuan(a?.Amount ?? 0m)}");
                }
            }
        }

        Compare("收入", previous.IncomeByKind, current.IncomeByKind);
        Compare("支出（预算科目）", previous.ExpenditureByLine, current.ExpenditureByLine);
        Compare("支出（类别）", previous.ExpenditureByCategory, current.ExpenditureByCategory);
        var largeBefore = previous.LargeItems.Select(i => (i.MatterId, i.Amount)).ToHashSet();
        var largeAfter = current.LargeItems.Select(i => (i.MatterId, i.Amount)).ToHashSet();
        if (!largeBefore.SetEquals(largeAfter))
        {
            changes.Add($"大额支出: {previous.LargeItems.Count.ToString(CultureInfo.InvariantCulture)} 项 {Yuan(previous.LargeItems.Sum(i => i.Amount))} → {current.LargeItems.Count.ToString(CultureInfo.InvariantCulture)} 项 {Yuan(current.LargeItems.Sum(i => i.Amount))}");
        }

        if (previous.ReceptionTotal != current.ReceptionTotal || previous.Receptions.Count != current.Receptions.Count)
        {
            changes.Add($"公务接待: {previous.Receptions.Count.ToString(CultureInfo.InvariantCulture)} 项 {Yuan(previous.ReceptionTotal)} → {current.Receptions.Count.ToString(CultureInfo.InvariantCulture)} 项 {Yuan(current.ReceptionTotal)}");
        }

        return changes;
    }

    public static string IncomeName(IncomeKind kind) => kind switch
    {
        IncomeKind.Appropriation => "财政拨款",
        IncomeKind.NonTaxRevenue => "非税收入",
        IncomeKind.Other => "其他收入",
        _ => kind.ToString(),
    };

    private static string CategoryOf(MatterKind kind) => (kind == MatterKind.ContractorChoice ? MatterKind.ConstructionProject : kind).ToString();

    private static string CategoryName(string category) => Enum.TryParse<MatterKind>(category, out var kind) ? kind switch
    {
        MatterKind.Expense => "日常报销",
        MatterKind.Reception => "公务接待",
        MatterKind.BudgetRaise => "预算调整",
        MatterKind.PurchasePlan => "物资采购",
        MatterKind.ConstructionProject => "工程建设",
        MatterKind.VariationOrder => "工程变更",
        _ => "其他支出",
    } : category;

    private static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}

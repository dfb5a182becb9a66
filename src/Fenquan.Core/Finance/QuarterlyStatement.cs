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

        // One pass over the payments (a large unit pays 100,000 claims a quarter): totals and distinct
        // matters by line and by category, and each matter's total, last day, line and reception mark
        // as its first payment gives them.
        var lines = new Dictionary<string, Total>(StringComparer.Ordinal);
        var categories = new Dictionary<MatterKind, Total>();
        var matters = new Dictionary<Guid, PerMatter>();
        foreach (var p in paid)
        {
            Add(lines, p.LineCode ?? NoLine, p, static p => p.LineName ?? "未列预算科目");
            Add(categories, p.Kind == MatterKind.ContractorChoice ? MatterKind.ConstructionProject : p.Kind, p, static _ => string.Empty);
            if (matters.TryGetValue(p.MatterId, out var m))
            {
                m.Amount += p.Amount;
                m.Last = p.PaidOn > m.Last ? p.PaidOn : m.Last;
            }
            else
            {
                var line = p.LineCode is null ? NoLine : $"{p.LineCode} {p.LineName}";
                matters[p.MatterId] = new PerMatter(line, p.Kind == MatterKind.Reception || p.LineCode == EconomicClassification.Reception) { Amount = p.Amount, Last = p.PaidOn };
            }
        }

        var byLine = lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new StatementAmount(l.Key, l.Value.Name, l.Value.Amount, l.Value.Matters.Count)).ToList();
        var byCategory = categories.Select(c => (Key: c.Key.ToString(), c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new StatementAmount(c.Key, CategoryName(c.Key), c.Value.Amount, c.Value.Matters.Count)).ToList();
        var perMatter = matters.Where(m => m.Value.Amount >= largeItemThreshold || m.Value.Reception)
            .Select(m => (m.Key, m.Value.Line, m.Value.Amount, m.Value.Last, m.Value.Reception)).ToList();
        var names = describe([.. perMatter.Select(m => m.Key)]);
        StatementItem Item((Guid Key, string Line, decimal Amount, DateOnly Last, bool Reception) m) =>
            names.TryGetValue(m.Key, out var n) ? new(m.Key, n.Title, n.Payee, m.Line, m.Amount, m.Last) : new(m.Key, string.Empty, string.Empty, m.Line, m.Amount, m.Last);
        var large = perMatter.Where(m => m.Amount >= largeItemThreshold).Select(Item).OrderByDescending(i => i.Amount).ThenBy(i => i.MatterId).ToList();
        var receptions = perMatter.Where(m => m.Reception).Select(Item).OrderBy(i => i.LastPaidOn).ThenBy(i => i.MatterId).ToList();
        return new StatementContent(unitName, quarter.Year, quarter.Number, largeItemThreshold, incomeByKind, byLine, byCategory, large, receptions);
    }

    private static void Add<TKey>(Dictionary<TKey, Total> totals, TKey key, StatementPayment payment, Func<StatementPayment, string> name)
        where TKey : notnull
    {
        if (!totals.TryGetValue(key, out var total))
        {
            totals[key] = total = new Total(name(payment));
        }

        total.Amount += payment.Amount;
        total.Matters.Add(payment.MatterId);
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

    private sealed class Total(string name)
    {
        public string Name { get; } = name;

        public decimal Amount { get; set; }

        public HashSet<Guid> Matters { get; } = [];
    }

    private sealed class PerMatter(string line, bool reception)
    {
        public string Line { get; } = line;

        public bool Reception { get; } = reception;

        public decimal Amount { get; set; }

        public DateOnly Last { get; set; }
    }

    private static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// The budget approval sheet's columns and checks: every row has a known economic code
/// (<see cref="EconomicClassification"/>), once, and an amount in yuan to the fen, not below zero.
/// All or nothing: one bad cell refuses the whole sheet, with every problem named by row and column.
/// </summary>
public static class BudgetSheet
{
    public const string CodeColumn = "经济分类科目编码";
    public const string NameColumn = "科目名称";
    public const string AmountColumn = "预算金额（元）";
    public const int MaxRows = 500;

    /// <summary>The lines the rows give, or every problem found (then no line at all).</summary>
    public static (IReadOnlyList<(string Code, string Name, decimal Amount)> Lines, IReadOnlyList<BudgetSheetProblem> Problems) Check(IReadOnlyList<BudgetSheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<BudgetSheetProblem>();
        var lines = new List<(string Code, string Name, decimal Amount)>();
        if (rows.Count is 0 or > MaxRows)
        {
            problems.Add(new(1, CodeColumn, $"the sheet has {rows.Count} budget lines; it needs 1 to {MaxRows}"));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Take(MaxRows))
        {
            var code = row.Code?.Trim() ?? string.Empty;
            var name = EconomicClassification.NameOf(code);
            if (name is null)
            {
                problems.Add(new(row.Row, CodeColumn, code.Length == 0 ? "no code" : $"{code} is not an economic classification code"));
            }
            else if (seen.TryGetValue(code, out var first))
            {
                problems.Add(new(row.Row, CodeColumn, $"{code} is already on row {first.ToString(CultureInfo.InvariantCulture)}"));
            }
            else
            {
                seen[code] = row.Row;
            }

            var text = row.Amount?.Trim().Replace(",", string.Empty, StringComparison.Ordinal) ?? string.Empty;
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                || amount < 0m || decimal.Round(amount, 2) != amount || amount > 1_000_000_000_000m)
            {
                problems.Add(new(row.Row, AmountColumn, text.Length == 0 ? "no amount" : $"\"{text}\" is not an amount in yuan to the fen, not below zero"));
            }
            else if (name is not null)
            {
                lines.Add((code, name, amount));
            }
        }

        return problems.Count > 0 ? ([], problems) : (lines, []);
    }

    /// <summary>
    /// The refusal of a sheet with problems: nothing is imported, and every problem is named by row
    /// and column, in the words the refusal texts render in the reader's language.
    /// </summary>
    public static Refusal Refused(IReadOnlyList<BudgetSheetProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return Refusal.Because(Refusal.InvalidId, "BudgetSheetProblems", "Nothing was imported: the sheet has {count} problem(s): {problems}.",
            ("count", problems.Count.ToString(CultureInfo.InvariantCulture)), ("problems", string.Join("; ", problems)));
    }
}

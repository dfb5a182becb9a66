using System.Globalization;
using Fenquan.Core.Finance;
using Fenquan.Core.Primitives;
using MiniExcelLibs;

namespace Fenquan.Documents.Budgets;

/// <summary>
/// The budget approval (预算批复) as an .xlsx sheet with Chinese headers (<see cref="BudgetSheet"/>'s
/// columns): the template to fill in, and the reading of a filled one into unparsed rows for the
/// core to check cell by cell (R5).
/// </summary>
public static class BudgetWorkbook
{
    /// <summary>The template: the three columns, with a few common lines as examples.</summary>
    public static byte[] Template()
    {
        var rows = new[] { "30201", "30211", "30215", "30216", "30217" }
            .Select(code => new Dictionary<string, object>
            {
                [BudgetSheet.CodeColumn] = code,
                [BudgetSheet.NameColumn] = EconomicClassification.NameOf(code)!,
                [BudgetSheet.AmountColumn] = 0m,
            });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "预算批复", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The sheet's rows (blank rows skipped, numbered as the sheet numbers them), or a refusal naming the missing columns or an unreadable file.</summary>
    public static Result<IReadOnlyList<BudgetSheetRow>> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        List<IDictionary<string, object?>> table;
        try
        {
            table = [.. stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(BudgetSheet.MaxRows + 1)];
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return Refusal.Because(Refusal.InvalidId, "BudgetFileUnreadable", "The file is not a readable .xlsx workbook: download the template and fill it in.");
        }

        var headers = table.FirstOrDefault()?.Keys ?? [];
        var missing = new[] { BudgetSheet.CodeColumn, BudgetSheet.AmountColumn }.Where(c => !headers.Contains(c)).ToList();
        if (table.Count > 0 && missing.Count > 0)
        {
            return Refusal.Because(Refusal.InvalidId, "BudgetColumnsMissing", "Nothing was imported: row 1 lacks the column(s) {columns}; use the template's headers.", ("columns", string.Join(", ", missing)));
        }

        var rows = new List<BudgetSheetRow>();
        foreach (var (cells, index) in table.Select((c, i) => (c, i)))
        {
            var code = Text(cells.TryGetValue(BudgetSheet.CodeColumn, out var c) ? c : null);
            var name = Text(cells.TryGetValue(BudgetSheet.NameColumn, out var n) ? n : null);
            var amount = Text(cells.TryGetValue(BudgetSheet.AmountColumn, out var a) ? a : null);
            if (code is null && name is null && amount is null)
            {
                continue;
            }

            rows.Add(new BudgetSheetRow(index + 2, code, name, amount));
        }

        return Result<IReadOnlyList<BudgetSheetRow>>.Ok(rows);
    }

    // A cell as text: numbers in invariant form (a code typed as a number is still its digits).
    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };
}

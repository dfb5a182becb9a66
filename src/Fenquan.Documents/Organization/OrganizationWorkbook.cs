using System.Globalization;
using System.Text;
using Fenquan.Core.Organization.Import;
using Fenquan.Core.Primitives;
using MiniExcelLibs;

namespace Fenquan.Documents.Organization;

/// <summary>
/// The organisation import's files: the templates (an .xlsx with one sheet per kind, and a .csv per
/// kind, with <see cref="ImportTemplate"/>'s Chinese headers and an example row) and the reading of a
/// filled one into unparsed rows for the core to check cell by cell. A sheet or .csv is recognised by
/// its name, else by its headers; a .csv of UTF-8 text (with or without a byte-order mark) or, as
/// spreadsheet programs on Chinese systems save it, GB 18030.
/// </summary>
public static class OrganizationWorkbook
{
    /// <summary>At most this many rows over all sheets (a county of 5,000 staff needs about 10,000).</summary>
    public const int MaxRows = 100_000;

    /// <summary>The .xlsx template: one sheet per kind, in the order they are read, each with one example row.</summary>
    public static byte[] Template()
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in ImportTemplate.Sheets)
        {
            sheets[sheet.SheetName] = new[] { sheet.Columns.ToDictionary(c => c.Header, c => (object)c.Example) };
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The .csv template of one kind (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese headers).</summary>
    public static byte[] CsvTemplate(ImportKind kind)
    {
        var sheet = ImportTemplate.Of(kind);
        var text = new StringBuilder();
        text.AppendJoin(',', sheet.Columns.Select(c => Quote(c.Header))).Append("\r\n");
        text.AppendJoin(',', sheet.Columns.Select(c => Quote(c.Example))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// Reads an .xlsx (every sheet whose name or headers are a template's) or a .csv (of
    /// <paramref name="kind"/>, or recognised by its file name or headers); a refusal when the file
    /// cannot be read or a sheet is of no known kind.
    /// </summary>
    public static Result<ImportFile> Read(Stream stream, string fileName, ImportKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var csv = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Because(Refusal.InvalidId, "ImportFileType", "Import an .xlsx workbook or a .csv file: download the template and fill it in.");
        }

        try
        {
            if (csv)
            {
                var table = Table(Utf8(stream).Query(useHeaderRow: true, excelType: ExcelType.CSV));
                var name = Path.GetFileNameWithoutExtension(fileName);
                var template = kind is { } k ? ImportTemplate.Of(k) : ImportTemplate.Recognise(name, Headers(table));
                return template is null
                    ? Refusal.Because(Refusal.InvalidId, "ImportColumnsUnknown", "{file}: its columns are not those of a template; name the kind (units, sections, people, memberships, portfolios, catalogue, approval-items or counterparties).", ("file", fileName))
                    : Sheet(template, Path.GetFileName(fileName), table).Map(s => new ImportFile([s]));
            }

            var seekable = Seekable(stream);
            var sheets = new List<ImportSheet>();
            var rows = 0;
            foreach (var sheetName in seekable.GetSheetNames())
            {
                seekable.Position = 0;
                var table = Table(seekable.Query(useHeaderRow: true, sheetName: sheetName, excelType: ExcelType.XLSX));
                if (table.Count == 0)
                {
                    continue;
                }

                var template = ImportTemplate.Recognise(sheetName, Headers(table));
                if (template is null)
                {
                    return Refusal.Because(Refusal.InvalidId, "SheetKindUnknown", "The sheet {sheet} is of no known kind: name it as the template does (单位, 股室, 人员, 任职, 分管, 采购目录, 审批事项, 往来单位).", ("sheet", sheetName));
                }

                var sheet = Sheet(template, sheetName, table);
                if (!sheet.IsOk)
                {
                    return sheet.Refusal!;
                }

                rows += sheet.Value.Rows.Count;
                if (rows > MaxRows)
                {
                    return Refusal.Because(Refusal.InvalidId, "ImportTooManyRows", "The file has more than {max} rows.", ("max", MaxRows.ToString(CultureInfo.InvariantCulture)));
                }

                sheets.Add(sheet.Value);
            }

            return Result<ImportFile>.Ok(new ImportFile(sheets));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or ArgumentException or System.Xml.XmlException or FormatException)
        {
            return Refusal.Because(Refusal.InvalidId, "ImportUnreadable", "{file} is not a readable {format} file: download the template and fill it in.", ("file", fileName), ("format", csv ? ".csv" : ".xlsx"));
        }
    }

    /// <summary>
    /// The .csv as UTF-8: a file that is not valid UTF-8 is read as GB 18030, which is what a
    /// spreadsheet program on a Chinese system saves as "CSV (逗号分隔)" (GB 18030 contains GBK and
    /// GB 2312). MiniExcel reads one encoding it is told; telling the two apart is done here.
    /// </summary>
    private static MemoryStream Utf8(Stream stream)
    {
        using var whole = new MemoryStream();
        stream.CopyTo(whole);
        var bytes = whole.ToArray();
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new MemoryStream(bytes, writable: false);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new MemoryStream(Encoding.UTF8.GetBytes(Encoding.GetEncoding("GB18030").GetString(bytes)), writable: false);
    }

    private static List<IDictionary<string, object?>> Table(IEnumerable<dynamic> rows) =>
        [.. rows.Cast<IDictionary<string, object?>>().Take(MaxRows + 1)];

    private static List<string> Headers(List<IDictionary<string, object?>> table) =>
        [.. (table.FirstOrDefault()?.Keys ?? []).Select(h => h.Trim().TrimStart('\uFEFF'))];

    private static Result<ImportSheet> Sheet(ImportSheetTemplate template, string name, List<IDictionary<string, object?>> table)
    {
        var headers = Headers(table);
        var missing = template.Columns.Where(c => c.Required && !headers.Contains(c.Header)).Select(c => c.Header).ToList();
        if (table.Count > 0 && missing.Count > 0)
        {
            return Refusal.Because(Refusal.InvalidId, "ColumnsMissing", "Nothing was imported: {sheet} lacks the column(s) {columns}; use the template's headers.", ("sheet", name), ("columns", string.Join(", ", missing)));
        }

        var rows = new List<ImportRow>(table.Count);
        foreach (var (cells, index) in table.Select((c, i) => (c, i)))
        {
            var values = cells.ToDictionary(c => c.Key.Trim().TrimStart('\uFEFF'), c => Text(c.Value), StringComparer.Ordinal);
            if (values.Values.All(v => v is null))
            {
                continue;
            }

            rows.Add(new ImportRow(index + 2, values));
        }

        return Result<ImportSheet>.Ok(new ImportSheet(template.Kind, name, rows));
    }

    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    // A cell as text: dates as yyyy-MM-dd, numbers in invariant form (a staff number typed as a number is still its digits).
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

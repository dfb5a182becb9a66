using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Fenquan.Documents.Lists;

/// <summary>The file formats a list is exported in.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// A list (headers and rows) written as .xlsx (MiniExcel) or .csv (UTF-8 with a byte order mark,
/// so that Excel on Chinese Windows reads it as UTF-8 rather than GBK). Text that a spreadsheet would
/// take for a formula — beginning with = + - @, a tab or a carriage return — is written with a
/// leading single quote, so a matter titled "=1+1" or "=HYPERLINK(…)" stays text (formula injection).
/// Numbers stay numbers (amounts sum in the sheet).
/// </summary>
public static class ListExport
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => ".xlsx",
        ExportFormat.Csv => ".csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Writes the rows (each as many cells as there are headers: strings, numbers or null) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, ExportFormat format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        switch (format)
        {
            case ExportFormat.Xlsx:
                var sheet = rows.Select(row => headers.Select((header, i) => (header, Cell(row[i]))).ToDictionary(c => c.header, c => c.Item2));
                await output.SaveAsAsync(sheet, sheetName: "Sheet1", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
                break;
            case ExportFormat.Csv:
                await using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" })
                {
                    await writer.WriteLineAsync(string.Join(',', headers.Select(h => CsvField(Text(h)))));
                    foreach (var row in rows)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await writer.WriteLineAsync(string.Join(',', row.Select(cell => CsvField(Cell(cell) switch
                        {
                            string text => text,
                            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                            var other => other.ToString() ?? string.Empty,
                        }))));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>A cell as written: text guarded against being read as a formula, numbers as they are, null as empty text.</summary>
    public static object Cell(object? value) => value switch
    {
        null => string.Empty,
        string text => Text(text),
        decimal or int or long or double => value,
        IFormattable other => Text(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? string.Empty),
    };

    /// <summary>Text a spreadsheet would evaluate (= + - @, tab, carriage return first) gets a leading single quote.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

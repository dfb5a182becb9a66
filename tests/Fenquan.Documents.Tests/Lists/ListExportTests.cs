using System.Globalization;
using System.IO.Compression;
using System.Text;
using Fenquan.Documents.Lists;
using MiniExcelLibs;

namespace Fenquan.Documents.Tests.Lists;

/// <summary>
/// A list exported to .xlsx and .csv reads back row for row, 10,000 rows included; text a
/// spreadsheet would take for a formula (= + - @, tab, carriage return first) stays text; the CSV
/// starts with a UTF-8 byte order mark so that Excel on Chinese Windows reads the Chinese.
/// </summary>
public sealed class ListExportTests
{
    private static readonly string[] Headers = ["标题", "金额", "收款方"];

    private static IReadOnlyList<object?>[] Rows(int count) =>
        Enumerable.Range(0, count).Select(i => (IReadOnlyList<object?>)["办公室空调维修（第" + i.ToString(CultureInfo.InvariantCulture) + "次）", 100m + i, i % 2 == 0 ? "清河宾馆" : "顺通汽车维修中心"]).ToArray();

    private static async Task<byte[]> ExportAsync(ExportFormat format, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        await ListExport.WriteAsync(stream, format, Headers, rows, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    /// <summary>A CSV as rows of fields (RFC 4180 quoting), without its byte order mark.</summary>
    private static List<List<string>> ReadCsv(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes.AsSpan(3));
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    [Fact]
    public async Task TenThousandRows_ReadBack_FromXlsx()
    {
        var rows = Rows(10_000);
        var bytes = await ExportAsync(ExportFormat.Xlsx, rows);

        using var stream = new MemoryStream(bytes);
        var read = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(10_000, read.Count);
        for (var i = 0; i < read.Count; i += 997)
        {
            Assert.Equal(rows[i][0], read[i]["标题"]);
            Assert.Equal(rows[i][1], Convert.ToDecimal(read[i]["金额"], CultureInfo.InvariantCulture));
            Assert.Equal(rows[i][2], read[i]["收款方"]);
        }

        Assert.Equal("办公室空调维修（第9999次）", read[^1]["标题"]);
        Assert.Equal(10_099m, Convert.ToDecimal(read[^1]["金额"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TenThousandRows_ReadBack_FromCsv_WithAByteOrderMark()
    {
        var rows = Rows(10_000);
        var bytes = await ExportAsync(ExportFormat.Csv, rows);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var read = ReadCsv(bytes);
        Assert.Equal(10_001, read.Count);
        Assert.Equal(Headers, read[0]);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal([(string)rows[i][0]!, ((decimal)rows[i][1]!).ToString(CultureInfo.InvariantCulture), (string)rows[i][2]!], read[i + 1]);
        }
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("=HYPERLINK(\"http://example.invalid\",\"点击\")")]
    public async Task TextThatLooksLikeAFormula_IsWrittenAsText(string title)
    {
        IReadOnlyList<object?>[] rows = [[title, 1m, "\"引号\",逗号"]];

        var xlsx = await ExportAsync(ExportFormat.Xlsx, rows);
        using (var zip = new ZipArchive(new MemoryStream(xlsx)))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
            using var reader = new StreamReader(sheet.Open());
            var xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain(":f>", xml, StringComparison.Ordinal);
        }

        using var stream = new MemoryStream(xlsx);
        var cell = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().Single()["标题"];
        Assert.Equal("'" + title, cell);

        var csv = ReadCsv(await ExportAsync(ExportFormat.Csv, rows));
        Assert.Equal(["'" + title, "1", "\"引号\",逗号"], csv[1]);
    }

    [Theory]
    [InlineData("\r=1+1")]
    [InlineData("\t=1+1")]
    [InlineData("-")]
    public void TextBeginningWithATabOrCarriageReturnOrASign_GetsAQuote(string text) => Assert.Equal("'" + text, ListExport.Text(text));

    [Theory]
    [InlineData("空调维修")]
    [InlineData("1+1=2")]
    [InlineData("")]
    public void OrdinaryText_IsWrittenAsItIs(string text) => Assert.Equal(text, ListExport.Text(text));
}

using System.Globalization;
using System.Net;
using MiniExcelLibs;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// Export of a filtered matter list: every row the list finds, not just the page, in .xlsx and .csv,
/// with the same access decision as the list (R1: another unit's matters and those the viewer has
/// no part in are not in it), and a title "=1+1" written as text, not as a formula.
/// </summary>
public sealed class MatterExportTests
{
    [Fact]
    [Trait("Rule", "R1")]
    public async Task TheExport_HoldsEveryRowTheListFinds_OnlyThoseTheViewerMaySee_AndNoFormula()
    {
        await using var app = await WebApp.StartAsync();
        var clerk = await app.SignInAsync("u1.staff1");
        foreach (var title in new[] { "=1+1", "-2+3 报刊订阅费", "报刊订阅费（一季度）", "报刊订阅费（二季度）" })
        {
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount = 120.5m, payMe = true })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await (await app.SignInAsync("u2.staff1")).PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "报刊订阅费（外单位）", amount = 99m, payMe = true })).StatusCode);
        var principal = await app.SignInAsync("u1.principal1");

        // A page of one row, but the export holds all three that match, and none of the other unit's.
        var word = Uri.EscapeDataString("报刊订阅");
        Assert.Equal(3, (await (await principal.GetAsync("/api/v1/matters?size=1&q=" + word)).ReadAsync()).GetProperty("total").GetInt32());
        var xlsx = await principal.GetAsync("/matters?handler=Export&format=xlsx&size=1&q=" + word);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)))
        {
            var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(["'-2+3 报刊订阅费", "报刊订阅费（一季度）", "报刊订阅费（二季度）"], rows.Select(r => (string)r["事项"]).Order(StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Equal(120.5m, Convert.ToDecimal(r["金额"], CultureInfo.InvariantCulture)));
            Assert.All(rows, r => Assert.Equal("审批中", r["状态"]));
        }

        // The whole list as CSV through the API: the "=1+1" title is text, and the other unit's matter is absent.
        var csv = await principal.GetAsync("/api/v1/matters/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Concat([]).ToList();
        Assert.Contains(lines, l => l.StartsWith("'=1+1,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("=1+1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("外单位", StringComparison.Ordinal));
        var total = (await (await principal.GetAsync("/api/v1/matters?size=1")).ReadAsync()).GetProperty("total").GetInt32();
        Assert.Equal(total + 1, lines.Count);

        // A colleague with no part in these matters exports none of them.
        var colleague = await app.SignInAsync("u1.staff2");
        var theirs = System.Text.Encoding.UTF8.GetString(await (await colleague.GetAsync("/api/v1/matters/export?format=csv&q=" + word)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("报刊订阅费", theirs, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Statements;
using Fenquan.Testing;
using Fenquan.Web.Tests.Meetings;
using MiniExcelLibs;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// The quarterly statement end to end (R9): a claim paid and income received in the last quarter;
/// the finance deputy tables the statement on a team meeting and may publish it only once the
/// meeting is held; the unit's staff then see it, another unit's people never; the totals read back
/// from the .xlsx and from the PDF's text are the recorded ones.
/// </summary>
public sealed class StatementApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R9")]
    public async Task TheStatement_IsPublishedAfterTheMeeting_SeenByTheUnitOnly_AndItsExportsShowTheRecordedTotals()
    {
        var s = await MeetingSetup.StartAsync(_app);
        var finance = await _app.SignInAsync("u1.financestaff");
        var quarter = Core.Finance.Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        var before = await (await s["u1.finance"].GetAsync($"/api/v1/finance/statements/preview/{quarter}")).ReadAsync();
        decimal Total(JsonElement content, string section) => content.GetProperty(section).EnumerateArray().Sum(a => a.GetProperty("amount").GetDecimal());

        // A claim on 30211 paid on the quarter's 10th day, and an appropriation received on its 5th.
        var claim = await s["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "赴县培训差旅费", amount = 820.5m, payMe = true, budgetLine = "30211" });
        var claimId = (await claim.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsJsonAsync($"/api/v1/matters/{claimId}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s["u1.finance"].PostAsJsonAsync($"/api/v1/matters/{claimId}/actions", new { action = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync($"/api/v1/matters/{claimId}/payments", new { amount = 820.5m, method = "OfficialCard", reference = "GWK-9", paidOn = quarter.First.AddDays(9) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync("/api/v1/finance/income", new { kind = "Appropriation", amount = 60_000m, source = "县财政局", voucher = "ZF-Q", receivedOn = quarter.First.AddDays(4) })).StatusCode);

        // The office schedules the team meeting with the 12,000-yuan expense; the finance deputy tables the statement on it.
        var scheduled = await s["u1.office"].PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第13次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = s.People["u1.principal1"] });
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = s.MatterId, documents = new[] { "维修预算表" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].PostAsJsonAsync("/api/v1/finance/statements", new { quarter = quarter.ToString(), meetingId = meeting })).StatusCode);
        var byOtherDeputy = await s["u1.procurement"].PostAsJsonAsync("/api/v1/finance/statements", new { quarter = quarter.ToString(), meetingId = meeting });
        Assert.Equal("R9.StatementByFinanceDeputy", (await byOtherDeputy.ReadAsync()).GetProperty("key").GetString());
        var tabled = await s["u1.finance"].PostAsJsonAsync("/api/v1/finance/statements", new { quarter = quarter.ToString(), meetingId = meeting });
        Assert.Equal(HttpStatusCode.Created, tabled.StatusCode);
        var statement = await tabled.ReadAsync();
        var id = statement.GetProperty("id").GetGuid();
        var expenditure = Total(before, "expenditureByLine") + 820.5m;
        var income = Total(before, "incomeByKind") + 60_000m;
        Assert.Equal((expenditure, income), (statement.GetProperty("expenditureTotal").GetDecimal(), statement.GetProperty("incomeTotal").GetDecimal()));

        var early = await s["u1.finance"].PostAsync($"/api/v1/finance/statements/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("R9.TeamHasNotSeen", (await early.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].GetAsync($"/api/v1/finance/statements/{id}")).StatusCode); // not yet disclosed to staff

        // The meeting is held: opinions with the chair last, the outcome, the minutes drawn up.
        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        await s.RecordAttendanceAsync(meeting);
        var item = await s.ItemAsync(meeting);
        foreach (var (speaker, recorder) in new[] { ("u1.finance", "u1.office"), ("u1.personnel", "u1.office"), ("u1.procurement", "u1.office"), ("u1.principal2", "u1.office"), ("u1.principal1", "u1.principal1") })
        {
            Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, speaker, recorder: recorder)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync($"/api/v1/finance/statements/{id}/publish", null)).StatusCode);
        var published = await s["u1.finance"].PostAsync($"/api/v1/finance/statements/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await published.ReadAsync()).GetProperty("state").GetString());

        // Disclosed to the unit's staff; another unit's staff and team do not find it.
        Assert.Equal(HttpStatusCode.OK, (await s["u1.staff1"].GetAsync($"/api/v1/finance/statements/{id}")).StatusCode);
        Assert.Contains((await (await s["u1.staff1"].GetAsync("/api/v1/finance/statements")).ReadAsync()).EnumerateArray(), v => v.GetProperty("id").GetGuid() == id);
        var outsider = await _app.SignInAsync("u2.staff1");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/finance/statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/finance/statements/{id}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).GetAsync($"/api/v1/finance/statements/{id}.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.finance")).PostAsync($"/api/v1/finance/statements/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/finance/statements/{id}")).StatusCode);
        Assert.Contains("820.50", await (await s["u1.staff1"].GetAsync($"/finance/statements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The .xlsx, read back: each section's amounts add up to the recorded totals.
        var xlsx = await (await s["u1.staff1"].GetAsync($"/api/v1/finance/statements/{id}.xlsx")).Content.ReadAsByteArrayAsync();
        decimal SheetTotal(string sheet) => new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()
            .Sum(r => Convert.ToDecimal(r[StatementWorkbook.AmountColumn], CultureInfo.InvariantCulture));
        Assert.Equal(expenditure, SheetTotal(StatementWorkbook.LineSheet));
        Assert.Equal(expenditure, SheetTotal(StatementWorkbook.CategorySheet));
        Assert.Equal(income, SheetTotal(StatementWorkbook.IncomeSheet));

        // The PDF, read back with pdftotext: the same totals, in Chinese.
        if (!CjkFont.IsAvailable)
        {
            Requirements.Missing("The Chinese font (Debian package fonts-wqy-zenhei)");
            return;
        }

        var pdf = await (await s["u1.staff1"].GetAsync($"/api/v1/finance/statements/{id}.pdf")).Content.ReadAsByteArrayAsync();
        var text = PdfText(pdf);
        Assert.Contains($"{quarter.Chinese}财务收支情况", text, StringComparison.Ordinal);
        Assert.Contains("30211", text, StringComparison.Ordinal);
        var totals = text.Split('\n').Where(l => l.TrimStart().StartsWith("合计", StringComparison.Ordinal)).Select(l => decimal.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([income, expenditure, expenditure], totals.Take(3));
    }

    private static string PdfText(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool))
        {
            Requirements.Missing("pdftotext (Debian package poppler-utils)");
        }

        var file = Path.Combine(Path.GetTempPath(), $"fenquan-statement-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Finance;
using Fenquan.Documents.Budgets;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// Budgets by line through the JSON API and the page (R4, R5): the demo units' confirmed budgets,
/// an import refused row by row or kept pending, confirmed only by a second official, an approved
/// claim counted against its line, and nobody outside the unit's team, finance staff and office sees any of it.
/// </summary>
public sealed class BudgetApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static int ThisYear => DateTime.UtcNow.Year;

    [Fact]
    [Trait("Rule", "R5")]
    public async Task AnImportIsAllOrNothing_PendingUntilASecondOfficialConfirms_AndAnotherUnitDoesNotFindIt()
    {
        var finance = await _app.SignInAsync("u1.financestaff");
        var year = ThisYear + 2; // the demo has budgets through next year
        var bad = await finance.PostAsJsonAsync("/api/v1/finance/budget", new { year, document = "清财预〔2027〕1号", rows = new[] { new { code = "30201", name = "办公费", amount = "9000" }, new { code = "39999", name = "?", amount = "1" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("第 3 行“经济分类科目编码”：39999 不是政府收支分类的经济分类科目编码", (await bad.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var none = await (await finance.GetAsync($"/api/v1/finance/budget/{year}")).ReadAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, none.GetProperty("id").ValueKind); // nothing of the bad sheet was kept

        var workbook = Convert.ToBase64String(BudgetWorkbook.Template());
        var imported = await finance.PostAsJsonAsync("/api/v1/finance/budget", new { year, document = "清财预〔2027〕1号", workbook });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var budget = await imported.ReadAsync();
        var id = budget.GetProperty("id").GetGuid();
        Assert.Equal("Pending", budget.GetProperty("state").GetString());

        var own = await finance.PostAsync($"/api/v1/finance/budget/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("R5.BudgetFourEyes", (await own.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u1.staff1")).PostAsync($"/api/v1/finance/budget/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.finance")).PostAsync($"/api/v1/finance/budget/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u1.staff1")).GetAsync($"/api/v1/finance/budget/{year}")).StatusCode);

        var confirmed = await (await _app.SignInAsync("u1.finance")).PostAsync($"/api/v1/finance/budget/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.ReadAsync()).GetProperty("state").GetString());
        var lines = (await (await (await _app.SignInAsync("u2.finance")).GetAsync($"/api/v1/finance/budget/{year}")).ReadAsync()).GetProperty("lines");
        Assert.Equal(0, lines.GetArrayLength()); // u2 sees its own (empty) year, never u1's
    }

    [Fact]
    [Trait("Rule", "R4")]
    public async Task AClaimNamesItsLine_AndOnceApprovedItIsACommitmentOfThatLine()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        var finance = await _app.SignInAsync("u1.finance");
        decimal Committed(System.Text.Json.JsonElement b) => b.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "30201").GetProperty("commitments").GetDecimal();
        var before = await (await finance.GetAsync($"/api/v1/finance/budget/{ThisYear}")).ReadAsync();
        Assert.Equal("Confirmed", before.GetProperty("state").GetString());

        var unknown = await staff.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 300m, payMe = true, budgetLine = "30298" });
        Assert.Equal("R4.UnknownEconomicCode", (await unknown.ReadAsync()).GetProperty("key").GetString());
        var submitted = await staff.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 300m, payMe = true, budgetLine = "30201" });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("u1.office")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);

        var after = await (await finance.GetAsync($"/api/v1/finance/budget/{ThisYear}")).ReadAsync();
        Assert.Equal(Committed(before) + 300m, Committed(after));

        // A clerk chooses the line on the claim form (its code and name; the balances are the finance side's).
        var form = await (await staff.GetAsync("/matters/new?area=Finance")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"budget-line\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"30211\"", form, StringComparison.Ordinal);

        // The page shows the same line to the unit's finance deputy, and nothing to a staff member.
        var page = await (await finance.GetAsync($"/finance/budget/{ThisYear}")).Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"30201\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/finance/budget/{ThisYear}")).StatusCode);
        var template = await (await finance.GetAsync($"/finance/budget/{ThisYear}?handler=Template")).Content.ReadAsByteArrayAsync();
        Assert.True(BudgetWorkbook.Read(new MemoryStream(template)).IsOk);
    }
}

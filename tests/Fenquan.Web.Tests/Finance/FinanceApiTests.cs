using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// Claims, payments and income through the JSON API: a claim is submitted with its line items and
/// invoices (R4, R8), the finance staff pay it after approval within the approved amount (R42), and
/// record income with its voucher (R9); nobody else pays or records, and another unit sees nothing.
/// </summary>
public sealed class FinanceApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Claim(string title, decimal? amount, string invoice) => new
    {
        kind = "Expense",
        title,
        amount,
        payMe = true,
        lines = new[] { new { category = "办公用品", quantity = 10m, unitPrice = 35.5m, amount = 355m }, new { category = "打印耗材", quantity = 2m, unitPrice = 120m, amount = 240m } },
        vouchers = new[] { new { invoiceCode = "3300231130", number = invoice } },
    };

    [Fact]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R8")]
    [Trait("Rule", "R42")]
    public async Task AClaimWithLinesAndAnInvoice_IsApprovedAndPaidOnce_ItsInvoiceIsNotClaimedAgain()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        Assert.Equal("R4.LinesSum", (await (await staff.PostAsJsonAsync("/api/v1/matters", Claim("办公用品报销", 600m, "04567890"))).ReadAsync()).GetProperty("key").GetString());
        var submitted = await staff.PostAsJsonAsync("/api/v1/matters", Claim("办公用品报销", 595m, "04567890"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        var again = await (await _app.SignInAsync("u1.staff2")).PostAsJsonAsync("/api/v1/matters", Claim("再次报销", 595m, "04567890"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R8.VoucherUsed", (await again.ReadAsync()).GetProperty("key").GetString());

        var claim = await (await staff.GetAsync($"/api/v1/matters/{id}/claim")).ReadAsync();
        Assert.Equal([355m, 240m], claim.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal("04567890", claim.GetProperty("vouchers")[0].GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).GetAsync($"/api/v1/matters/{id}/claim")).StatusCode);

        var finance = await _app.SignInAsync("u1.financestaff");
        var payments = $"/api/v1/matters/{id}/payments";
        var early = await finance.PostAsJsonAsync(payments, new { amount = 595m, method = "OfficialCard", reference = "GWK-1" });
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode); // finance staff do not see a pending matter
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("u1.office")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("u1.finance")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);

        Assert.Contains((await (await finance.GetAsync("/api/v1/finance/to-pay")).ReadAsync()).EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync(payments, new { amount = 400m, method = "OfficialCard", reference = "GWK-1" })).StatusCode);
        var over = await finance.PostAsJsonAsync(payments, new { amount = 200m, method = "BankTransfer", reference = "YH-2" });
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal("R42.PaymentsAboveApproved", (await over.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync(payments, new { amount = 1m, method = "BankTransfer", reference = "x" })).StatusCode);
        var paid = await (await staff.GetAsync(payments)).ReadAsync();
        Assert.Equal((595m, 400m, 195m), (paid.GetProperty("payable").GetDecimal(), paid.GetProperty("paid").GetDecimal(), paid.GetProperty("left").GetDecimal()));
    }

    [Fact]
    [Trait("Rule", "R9")]
    public async Task FinanceStaff_RecordIncomeWithItsVoucher_OthersMayNot()
    {
        var finance = await _app.SignInAsync("u1.financestaff");
        var income = new { kind = "NonTaxRevenue", amount = 1_200m, source = "行政事业性收费", voucher = "FS-2026-0009" };

        var byOffice = await (await _app.SignInAsync("u1.office")).PostAsJsonAsync("/api/v1/finance/income", income);
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Equal("R9.IncomeByFinanceStaff", (await byOffice.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal("R9.IncomeVoucher", (await (await finance.PostAsJsonAsync("/api/v1/finance/income", income with { voucher = "" })).ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync("/api/v1/finance/income", income)).StatusCode);

        var listed = await (await (await _app.SignInAsync("u1.principal1")).GetAsync("/api/v1/finance/income")).ReadAsync();
        Assert.Equal("FS-2026-0009", listed.EnumerateArray().Single().GetProperty("voucher").GetString());
        Assert.Empty((await (await (await _app.SignInAsync("u2.principal1")).GetAsync("/api/v1/finance/income")).ReadAsync()).EnumerateArray());
    }
}

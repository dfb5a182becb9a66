using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// Money fields of the finance forms read amounts as people write them ("¥300", "3,000.00", "1.2万"),
/// through the real pages with their antiforgery tokens: what cannot be read is refused with a
/// message naming the field, and the form comes back with everything as typed.
/// </summary>
public sealed class AmountFieldFormTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R42")]
    public async Task ThePaymentForm_ReadsWrittenAmounts_AndKeepsWhatWasTypedWhenTheAmountIsUnreadable()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        var submitted = await staff.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "购置档案盒", amount = 800m, payMe = true });
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("u1.office")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignInAsync("u1.finance")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
        var finance = await _app.SignInAsync("u1.financestaff");
        var page = $"/matters/{id:D}";
        Dictionary<string, string> Form(string amount, string reference) => new() { ["PayAmount"] = amount, ["Pay.Method"] = "BankTransfer", ["Pay.Reference"] = reference };

        var unreadable = await WebApp.PostFormAsync(finance, page, "Pay", Form("三百块", "YH-0001"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var html = WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync());
        Assert.Contains("“本次支付金额（元）”须为金额，“三百块”无法识别", html);
        Assert.Contains("value=\"三百块\"", html);
        Assert.Contains("value=\"YH-0001\"", html);
        Assert.Contains("<option value=\"BankTransfer\" selected=\"selected\">", html);
        Assert.Equal(0m, (await (await finance.GetAsync($"/api/v1/matters/{id}/payments")).ReadAsync()).GetProperty("paid").GetDecimal());

        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(finance, page, "Pay", Form("¥300", "YH-0002"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(finance, page, "Pay", Form("0.05万", "YH-0003"))).StatusCode);
        var paid = await (await finance.GetAsync($"/api/v1/matters/{id}/payments")).ReadAsync();
        Assert.Equal([300m, 500m], paid.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    [Trait("Rule", "R9")]
    public async Task TheIncomeForm_ReadsWrittenAmounts_AndKeepsWhatWasTypedWhenTheAmountIsUnreadable()
    {
        var finance = await _app.SignInAsync("u1.financestaff");
        Dictionary<string, string> Form(string amount) => new() { ["Income.Kind"] = "NonTaxRevenue", ["IncomeAmount"] = amount, ["Income.Source"] = "行政事业性收费", ["Income.Voucher"] = "FS-2026-0011" };

        var unreadable = await WebApp.PostFormAsync(finance, "/finance", "Income", Form("一万二"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        var html = WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync());
        Assert.Contains("“金额（元）”须为金额，“一万二”无法识别", html);
        Assert.Contains("value=\"一万二\"", html);
        Assert.Contains("value=\"行政事业性收费\"", html);
        Assert.Contains("value=\"FS-2026-0011\"", html);
        Assert.Contains("<option value=\"NonTaxRevenue\" selected=\"selected\">", html);
        Assert.Empty((await (await finance.GetAsync("/api/v1/finance/income")).ReadAsync()).EnumerateArray());

        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(finance, "/finance", "Income", Form("1.2万"))).StatusCode);
        Assert.Equal(12_000m, (await (await finance.GetAsync("/api/v1/finance/income")).ReadAsync()).EnumerateArray().Single().GetProperty("amount").GetDecimal());
    }
}

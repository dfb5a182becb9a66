using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// Official receptions through the JSON API (R31): the office requests one with the sending office's
/// letter, staff may not; the unit's finance staff check a claim against it, where a meal over the
/// standard or a bottle of baijiu on the invoice is refused; a principal sees the request but does
/// not check claims; another unit does not find it.
/// </summary>
[Trait("Rule", "R31")]
public sealed class ReceptionApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOfficeRequests_FinanceStaffCheckTheClaim_AndEveryoneElseIsRefusedOrFindsNothing()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        object Request(string? letter) => new { letter, sendingOffice = "市财政局", level = "County", guests = new[] { "来宾一", "来宾二", "来宾三", "来宾四" }, staff = Array.Empty<Guid>(), from = day, until = day };

        var office = await _app.SignInAsync("u1.office");
        var noLetter = await office.PostAsJsonAsync("/api/v1/finance/receptions", Request(null));
        Assert.False(noLetter.IsSuccessStatusCode);
        Assert.Equal("R31.LetterRequired", (await noLetter.ReadAsync()).GetProperty("key").GetString());
        var byStaff = await (await _app.SignInAsync("u1.staff1")).PostAsJsonAsync("/api/v1/finance/receptions", Request("公函 市财函〔2026〕12号"));
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal("R31.RequesterRole", (await byStaff.ReadAsync()).GetProperty("key").GetString());

        var created = await office.PostAsJsonAsync("/api/v1/finance/receptions", Request("公函 市财函〔2026〕12号"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync()).GetProperty("id").GetGuid();
        var list = await office.GetAsync("/api/v1/finance/receptions");
        Assert.True(list.StatusCode == HttpStatusCode.OK, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(id, (await list.ReadAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        object Claim(decimal amount, params string[] goods) => new { lines = new[] { new { number = 1, cost = "Meal", category = "工作餐", day, persons = 4, times = 1, amount, goods } }, attending = Array.Empty<Guid>() };
        var finance = await _app.SignInAsync("u1.financestaff");
        var fine = await finance.PostAsJsonAsync($"/api/v1/finance/receptions/{id}/claim-check", Claim(100m, "*餐饮服务*餐费"));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.True((await fine.ReadAsync()).GetProperty("passes").GetBoolean());
        var baijiu = await finance.PostAsJsonAsync($"/api/v1/finance/receptions/{id}/claim-check", Claim(100m, "*餐饮服务*餐费", "*酒*白酒"));
        Assert.Equal("R31.ProhibitedGoods", (await baijiu.ReadAsync()).GetProperty("key").GetString());
        var lavish = await finance.PostAsJsonAsync($"/api/v1/finance/receptions/{id}/claim-check", Claim(4_000m, "*餐饮服务*餐费"));
        Assert.Equal("R31.OverStandard", (await lavish.ReadAsync()).GetProperty("key").GetString());

        var principal = await _app.SignInAsync("u1.principal1");
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/api/v1/finance/receptions/{id}")).StatusCode);
        var principalCheck = await principal.PostAsJsonAsync($"/api/v1/finance/receptions/{id}/claim-check", Claim(100m));
        Assert.Equal(HttpStatusCode.Forbidden, principalCheck.StatusCode);
        Assert.Equal("R31.ClaimCheckerRole", (await principalCheck.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u1.section1")).GetAsync($"/api/v1/finance/receptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.finance")).GetAsync($"/api/v1/finance/receptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.staff1")).PostAsJsonAsync($"/api/v1/finance/receptions/{id}/claim-check", Claim(100m))).StatusCode);
    }
}

using System.Net;

namespace Fenquan.Web.Tests.Security;

/// <summary>
/// Viewers are kept between requests, but a change to the organisation reaches the very next
/// request: roles are those of the day (R1, R3), never those of a cached yesterday.
/// </summary>
public sealed class ViewerCacheTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R3")]
    public async Task ReassigningFinance_ChangesBothDeputiesRoles_OnTheirNextRequest()
    {
        var finance = await _app.SignInAsync("u1.finance");
        var procurement = await _app.SignInAsync("u1.procurement");
        var before = await (await finance.GetAsync("/api/v1/me")).ReadAsync();
        Assert.Contains("Finance", before.GetProperty("portfolio").EnumerateArray().Select(a => a.GetString()));
        var taker = await (await procurement.GetAsync("/api/v1/me")).ReadAsync();
        Assert.DoesNotContain("Finance", taker.GetProperty("portfolio").EnumerateArray().Select(a => a.GetString()));

        // Both viewers are now kept; the unit administrator hands finance to the procurement deputy today.
        var office = await _app.SignInAsync("u1.office");
        var page = await office.GetStringAsync("/admin/unit");
        var assigned = await office.PostAsync("/admin/unit?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Area"] = "Finance",
            ["Person"] = taker.GetProperty("personId").GetGuid().ToString(),
            ["From"] = before.GetProperty("today").GetString()!,
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.True(assigned.StatusCode == HttpStatusCode.Redirect, await assigned.Content.ReadAsStringAsync());

        var after = await (await finance.GetAsync("/api/v1/me")).ReadAsync();
        Assert.DoesNotContain("Finance", after.GetProperty("portfolio").EnumerateArray().Select(a => a.GetString()));
        var taken = await (await procurement.GetAsync("/api/v1/me")).ReadAsync();
        Assert.Contains("Finance", taken.GetProperty("portfolio").EnumerateArray().Select(a => a.GetString()));

        // And the rules follow: the former finance deputy's approval of a reviewed expense is refused (R4).
        var clerk = await _app.SignInAsync("u1.staff1");
        var id = (await (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "换人分管之后", amount = 1000m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await office.PostJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        var refused = await finance.PostJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
    }
}

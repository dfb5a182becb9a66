using System.Net;
using Fenquan.Web.Matters;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// Task candidates are kept between requests, but an action reaches everybody's task list on the
/// very next request: the step moves from the office to the finance deputy at once (R4, R7), the
/// kept candidates being refreshed by the matter the action changed.
/// </summary>
public sealed class TaskCacheTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<List<Guid>> TasksAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/tasks")).ReadAsync()).EnumerateArray().Select(t => t.GetProperty("matter").GetProperty("id").GetGuid()).ToList();

    [Fact]
    [Trait("Rule", "R7")]
    public async Task AfterTheOfficeReviews_TheTaskLeavesTheOffice_AndReachesTheFinanceDeputy_OnTheNextRequest()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var office = await _app.SignInAsync("u1.office");
        var finance = await _app.SignInAsync("u1.finance");
        var id = (await (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "缓存之后的任务", amount = 800m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();

        // Both task lists are read (and kept) before the action.
        Assert.Contains(id, await TasksAsync(office));
        Assert.DoesNotContain(id, await TasksAsync(finance));
        Assert.Contains($"/matters/{id}", await office.GetStringAsync("/workbench"));

        // The kept candidates are refreshed by the one matter the action changed, not loaded again.
        var cache = _app.Services.GetRequiredService<PendingMattersCache>();
        var refreshed = cache.Refreshed;
        Assert.Equal(HttpStatusCode.OK, (await office.PostJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.DoesNotContain(id, await TasksAsync(office));
        Assert.Contains(id, await TasksAsync(finance));
        Assert.True(cache.Refreshed >= refreshed + 2, $"refreshed {cache.Refreshed - refreshed} entries by parts");

        Assert.Equal(HttpStatusCode.OK, (await finance.PostJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
        Assert.DoesNotContain(id, await TasksAsync(finance));
    }
}

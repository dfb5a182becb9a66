using System.Net;
using Fenquan.Data.Queries;
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

    // The ordered task list is kept per viewer too, but a task still turns overdue when its due date
    // passes with nothing else changing, and a kept list never hides a new task.
    [Fact]
    public async Task AKeptTaskList_StillTurnsOverdue_WhenItsDueDatePasses_AndTakesNewTasks()
    {
        var time = new ShiftableTime();
        await using var app = await WebApp.StartAsync(time: time);

        // R46: submitted on a working day about a month ago; its step's 3 working days (the policy's default step limit) on
        // the official calendar end at the end of the due day (China time). The clock is set to ten
        // seconds before that.
        var calendar = new Core.Calendar.WorkingCalendar(Core.Calendar.OfficialCalendars.Shipped);
        var china = TimeSpan.FromHours(8);
        var start = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(china).DateTime).AddDays(-30);
        while (!calendar.IsWorkingDay(start))
        {
            start = start.AddDays(1);
        }

        var exceeded = new DateTimeOffset(calendar.AddWorkingDays(start, 3).AddDays(1).ToDateTime(TimeOnly.MinValue), china);
        time.Offset = new DateTimeOffset(start.ToDateTime(new TimeOnly(10, 0)), china) - DateTimeOffset.UtcNow;
        var clerk = await app.SignInAsync("u1.staff1");
        var id = (await (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "逾期提醒", amount = 600m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        time.Offset = exceeded - TimeSpan.FromSeconds(10) - DateTimeOffset.UtcNow;

        var office = await app.SignInAsync("u1.office");
        async Task<bool?> OverdueAsync(Guid matter)
        {
            var task = (await (await office.GetAsync("/api/v1/tasks")).ReadAsync()).EnumerateArray()
                .Where(t => t.GetProperty("matter").GetProperty("id").GetGuid() == matter).Select(t => (bool?)t.GetProperty("overdue").GetBoolean()).SingleOrDefault();
            return task;
        }

        var cache = app.Services.GetRequiredService<PendingMattersCache>();
        Assert.False(await OverdueAsync(id));
        var reused = cache.TasksReused;
        Assert.False(await OverdueAsync(id));
        Assert.Equal(reused + 1, cache.TasksReused); // the kept list
        // Past the due date with nothing else changed, and before the kept candidates are 30 s old
        // (PendingMattersCache.MaxAge), so only the due date can end the kept list.
        time.Offset += TimeSpan.FromSeconds(20);
        Assert.True(await OverdueAsync(id));

        var later = (await (await (await app.SignInAsync("u1.staff1")).PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "新的任务", amount = 700m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.False(await OverdueAsync(later));
        Assert.True(await OverdueAsync(id));
    }

    // Under writes the kept list is patched by the matters each refresh replaced, and a patched list
    // is exactly the list decided from all candidates: same tasks, same order, same dates.
    [Fact]
    public async Task APatchedTaskList_IsTheListDecidedWhole()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var office = await _app.SignInAsync("u1.office");
        async Task<Guid> SubmitAsync(string title, decimal amount) =>
            (await (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        async Task<List<string>> TaskListAsync() =>
            (await (await office.GetAsync("/api/v1/tasks")).ReadAsync()).EnumerateArray()
                .Select(t => $"{t.GetProperty("matter").GetProperty("id").GetGuid()} {t.GetProperty("due").GetDateTimeOffset():O} {t.GetProperty("overdue").GetBoolean()}").ToList();

        var first = await SubmitAsync("先报的", 500m);
        await SubmitAsync("再报的", 900m);
        var before = await TaskListAsync();
        Assert.Contains(before, t => t.StartsWith(first.ToString(), StringComparison.Ordinal));

        var cache = _app.Services.GetRequiredService<PendingMattersCache>();
        var patched = cache.TasksPatched;
        Assert.Equal(HttpStatusCode.OK, (await office.PostJsonAsync($"/api/v1/matters/{first}/actions", new { action = "Review" })).StatusCode);
        var added = await SubmitAsync("后报的", 300m);
        var after = await TaskListAsync();
        Assert.True(cache.TasksPatched > patched, "the office's list was decided whole again, not patched");
        Assert.DoesNotContain(after, t => t.StartsWith(first.ToString(), StringComparison.Ordinal));
        Assert.Contains(after, t => t.StartsWith(added.ToString(), StringComparison.Ordinal));

        cache.ForgetTasks();
        Assert.Equal(await TaskListAsync(), after);
    }

    // Requests that need the same candidates loaded whole at the same time share one load.
    [Fact]
    public async Task ConcurrentRequests_ShareOneWholeLoad()
    {
        var office = await _app.SignInAsync("u1.office");
        var cache = _app.Services.GetRequiredService<PendingMattersCache>();
        var before = cache.LoadedWhole;
        var lists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TasksAsync(office)));
        Assert.Equal(1, cache.LoadedWhole - before);
        Assert.All(lists, list => Assert.Equal(lists[0], list));
    }

    // Past MaxAge the candidates are loaded whole again in the background: the request that finds
    // them old is still served at once, refreshed by the matters changed since, new tasks included.
    [Fact]
    public async Task OldCandidates_AreLoadedWholeInTheBackground_WhileRequestsAreServedRefreshed()
    {
        var time = new ShiftableTime();
        await using var app = await WebApp.StartAsync(time: time);
        var office = await app.SignInAsync("u1.office");
        var clerk = await app.SignInAsync("u1.staff1");
        var cache = app.Services.GetRequiredService<PendingMattersCache>();
        await TasksAsync(office);
        var loaded = cache.LoadedWhole;

        time.Offset = PendingMattersCache.MaxAge + TimeSpan.FromSeconds(1);
        var id = (await (await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "过期之后的任务", amount = 400m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        var refreshed = cache.Refreshed;
        Assert.Contains(id, await TasksAsync(office));
        Assert.Equal(refreshed + 1, cache.Refreshed);

        // The background load replaces the entry shortly after.
        for (var waited = 0; cache.LoadedWhole == loaded && waited < 200; waited++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(loaded + 1, cache.LoadedWhole);
        Assert.Contains(id, await TasksAsync(office));
    }
}

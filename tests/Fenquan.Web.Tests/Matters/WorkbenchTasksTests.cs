using System.Text.RegularExpressions;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// The workbench's tasks with many pending matters: the light pre-selection by current step never
/// leaves out a step the core says is waiting for the viewer, and the page shows them 50 at a time.
/// </summary>
public sealed partial class WorkbenchTasksTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>The demo county with 1,500 more matters, all recent, across its units, roles and states.</summary>
    private static async Task<(FenquanStore Store, CountyId County)> SeedAsync(WebApp app)
    {
        var store = app.Services.GetRequiredService<FenquanStore>();
        CountyId county;
        await using (var db = app.Db())
        {
            county = await db.Counties.Select(c => c.Id).FirstAsync();
        }

        await BulkSeeder.SeedAsync(store, county, new BulkSeedOptions { Matters = 1_500, BatchSize = 500, RecentTail = 1_500 });
        return (store, county);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tasks_AreExactlyThePendingStepsTheCoreSaysWaitForEachRole(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var (_, county) = await SeedAsync(app);

        var total = 0;
        foreach (var user in new[] { "u1.office", "u1.finance", "u1.principal1", "u1.personnel", "u1.section1", "u1.staff1" })
        {
            var client = await app.SignInAsync(user);
            var me = await (await client.GetAsync("/api/v1/me")).ReadAsync();
            var person = new PersonId(me.GetProperty("personId").GetGuid());
            var unit = new UnitId(me.GetProperty("unitId").GetGuid());
            var tasks = (await (await client.GetAsync("/api/v1/tasks")).ReadAsync()).EnumerateArray()
                .Select(t => t.GetProperty("matter").GetProperty("id").GetGuid()).ToHashSet();

            // Brute force: every pending matter of the unit loaded whole, decided by the core.
            await using var db = app.Db();
            var org = OrganizationOperations.LoadUnitView(db, county, unit);
            var pending = await db.Matters.AsNoTracking().Include(m => m.Actions)
                .Where(m => m.CountyId == county && m.UnitId == unit && m.State == MatterState.Pending).ToListAsync();
            var expected = pending.Where(m => m.InitiatorId != person && m.IsWaitingFor(person, org)).Select(m => m.Id.Value).ToHashSet();

            Assert.True(expected.SetEquals(tasks), $"{user}: {expected.Count} expected, {tasks.Count} listed");
            total += tasks.Count;
        }

        Assert.True(total > 50, $"only {total} tasks in all");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheUnitList_OfARoleThatDoesNotSeeTheWholeUnit_IsExactlyWhatItInitiated_IsPaidBy_OrActedOn(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var (store, county) = await SeedAsync(app);

        // One matter paid to the clerk but submitted by the section head: the clerk sees it as payee.
        var staff = await app.SignInAsync("u1.staff1");
        var section = await app.SignInAsync("u1.section1");
        var staffMe = await (await staff.GetAsync("/api/v1/me")).ReadAsync();
        var sectionMe = await (await section.GetAsync("/api/v1/me")).ReadAsync();
        var unit = new UnitId(staffMe.GetProperty("unitId").GetGuid());
        var clerk = new PersonId(staffMe.GetProperty("personId").GetGuid());
        var paid = await new MatterOperations(store.Writer).SubmitAsync(new SubmitMatter(
            county, unit, MatterKind.Expense, "代领差旅费", 600m, Payee.Person(clerk, "职员"), new PersonId(sectionMe.GetProperty("personId").GetGuid()),
            InitiatorKind.Section, MatterFlags.None, new DateOnly(2026, 11, 2)));
        Assert.True(paid.IsOk, paid.ToString());

        foreach (var client in new[] { staff, section })
        {
            var me = await (await client.GetAsync("/api/v1/me")).ReadAsync();
            var person = new PersonId(me.GetProperty("personId").GetGuid());
            var listed = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await (await client.GetAsync("/api/v1/matters?scope=unit&limit=200" + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync();
                listed.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
                cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);

            // Brute force: every matter of the unit, loaded whole, kept by the definition.
            await using var db = app.Db();
            var all = await db.Matters.AsNoTracking().Include(m => m.Actions).Where(m => m.CountyId == county && m.UnitId == unit).ToListAsync();
            var expected = all.Where(m => m.InitiatorId == person || m.Payee.PersonId == person || m.Actions.Any(a => a.ActorId == person))
                .Select(m => m.Id.Value).ToHashSet();

            Assert.Equal(expected.Count, listed.Count);
            Assert.True(expected.SetEquals(listed), $"{expected.Count} expected, {listed.Count} listed, {listed.Count(expected.Contains)} of them expected");
            Assert.True(expected.Count > 0);
        }

        var staffList = await (await staff.GetAsync("/api/v1/matters?scope=unit&limit=200")).ReadAsync();
        Assert.Contains(paid.Value.Id.Value, staffList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task WorkbenchPage_ShowsFiftyTasksAtATime_WithTheTotal_AndTheNextPage()
    {
        await using var app = await WebApp.StartAsync();
        var store = app.Services.GetRequiredService<FenquanStore>();
        CountyId county;
        await using (var db = app.Db())
        {
            county = await db.Counties.Select(c => c.Id).FirstAsync();
        }

        await BulkSeeder.SeedAsync(store, county, new BulkSeedOptions { Matters = 2_000, BatchSize = 1_000, RecentTail = 2_000 });
        var office = await app.SignInAsync("u1.office");
        var all = (await (await office.GetAsync("/api/v1/tasks")).ReadAsync()).GetArrayLength();
        Assert.True(all > 50, $"the office has {all} tasks");

        var first = await office.GetStringAsync("/workbench");
        Assert.Equal(all.ToString(System.Globalization.CultureInfo.InvariantCulture), CountPattern().Match(first).Groups[1].Value);
        Assert.Equal(50, TaskRows(first));
        Assert.Contains("data-testid=\"tasks-next\" href=\"/workbench?taskPage=2\"", first, StringComparison.Ordinal);

        var shown = 0;
        for (var page = 1; page <= (all + 49) / 50; page++)
        {
            var html = page == 1 ? first : await office.GetStringAsync($"/workbench?taskPage={page}");
            shown += TaskRows(html);
        }

        Assert.Equal(all, shown);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await office.GetAsync("/workbench?taskPage=0")).StatusCode);
    }

    private static int TaskRows(string html)
    {
        var table = TasksTable().Match(html);
        return table.Success ? Regex.Count(table.Groups[1].Value, "<tr>") : 0;
    }

    [GeneratedRegex("data-testid=\"tasks-count\">(\\d+)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<table data-testid=\"tasks\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TasksTable();
}

using System.Globalization;
using System.Text.Json;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// Each role's home in Chromium on the demo county: the principal, the discipline member and the
/// county administrator land on their own home with the demo's numbers (counted here again from the
/// database), a deputy lands on the workbench; and at 390 px wide the menu folds and opens without
/// script, no menu item or table cell is squeezed to one character a line, tables are labelled
/// cards, and tap targets are at least 44 px tall.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeBrowserTests
{
    private const int DemoMatters = 60;

    [Fact]
    [Trait("Rule", "R1")]
    public async Task EachRole_LandsOnTheirHome_WithTheDemoCountysNumbers()
    {
        // With open tasks the demo also schedules meetings, leaves steps waiting and decides matters this month.
        await using var host = await BrowserHost.StartAsync("home", DemoMatters, null, "--Fenquan:DemoOpenTasks=1");
        var store = host.Services.GetRequiredService<FenquanStore>();

        var principal = await host.SignInAsync("u1.principal1");
        Assert.Equal("/", new Uri(principal.Url).AbsolutePath);
        Assert.StartsWith("截至 ", await principal.TextContentAsync("[data-testid=home-as-of]"), StringComparison.Ordinal);
        await host.ShotAsync(principal, "01-principal");
        var unit = await UnitOfAsync(store, host.People["u1.principal1"]);
        await using (var db = store.Context())
        {
            var matters = await db.Matters.AsNoTracking().Include(m => m.Actions).Where(m => m.UnitId == unit).ToListAsync(TestContext.Current.CancellationToken);
            Assert.NotEmpty(matters);
            Assert.Equal(
                matters.GroupBy(m => m.Area).OrderBy(g => g.Key).Select(g => g.Count()),
                await NumbersAsync(principal, "chart-area-value"));
            Assert.Equal(matters.Count, int.Parse(await principal.TextContentAsync("[data-testid=chart-area-total]") ?? "", CultureInfo.InvariantCulture));
            Assert.Equal(
                matters.GroupBy(m => m.State).OrderBy(g => g.Key).Select(g => g.Count()),
                await NumbersAsync(principal, "chart-state-value"));
            Assert.Equal(1, await principal.Locator("[data-testid=chart-area] svg[role=img] title").CountAsync());

            var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
            var monthStart = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, ChinaTime.Offset);
            var decided = matters.Count(m => m.State is MatterState.Approved or MatterState.Rejected && m.Actions.Any(a => a.Round == m.Round && a.At >= monthStart));
            Assert.Equal(decided.ToString(CultureInfo.InvariantCulture), await principal.TextContentAsync("[data-testid=decided-count]"));
            Assert.Contains(matters, m => m.State == MatterState.Pending);

            var upcoming = db.Set<Meeting>().AsNoTracking().Where(m => m.UnitId == unit && m.State == MeetingState.Scheduled).AsEnumerable()
                .Count(m => ChinaTime.DateOf(m.ScheduledAt) >= today);
            Assert.Equal(upcoming.ToString(CultureInfo.InvariantCulture), await principal.TextContentAsync("[data-testid=meetings-count]"));
            Assert.True(upcoming > 0, "the demo schedules a meeting of 城关镇 in the coming days");
        }

        // The overdue figure is what the matter list finds with its overdue filter.
        var overdue = await principal.TextContentAsync("[data-testid=overdue-count]");
        await principal.ClickAsync("[data-testid=overdue-all]");
        Assert.Contains($"共找到 {overdue} 项", await principal.TextContentAsync("[data-testid=list-count]"), StringComparison.Ordinal);

        var discipline = await host.SignInAsync("u1.discipline");
        Assert.Equal("/", new Uri(discipline.Url).AbsolutePath);
        Assert.Equal(0, await discipline.Locator("[data-testid=panel-by-area]").CountAsync());
        Assert.Equal(overdue, await discipline.TextContentAsync("[data-testid=overdue-count]"));
        AssertNone("/ (discipline)", await SqueezedAsync(discipline, "main td, main th"));
        await host.ShotAsync(discipline, "02-discipline");
        await using (var db = store.Context())
        {
            var returned = await db.Matters.CountAsync(m => m.UnitId == unit && m.State == MatterState.Returned, TestContext.Current.CancellationToken);
            Assert.Equal(returned.ToString(CultureInfo.InvariantCulture), await discipline.TextContentAsync("[data-testid=returned-count]"));
            Assert.Equal(Math.Min(returned, 10), await discipline.Locator("[data-testid=panel-returned] tbody tr").CountAsync());
            var meetings = db.Set<Meeting>().AsNoTracking().Where(m => m.UnitId == unit).Select(m => m.Id).ToHashSet();
            var recusals = db.Set<Recusal>().AsNoTracking().AsEnumerable().Count(r => meetings.Contains(r.MeetingId));
            Assert.Equal(recusals.ToString(CultureInfo.InvariantCulture), await discipline.TextContentAsync("[data-testid=recusals-count]"));
        }

        var admin = await host.SignInAsync("admin");
        Assert.Equal("/", new Uri(admin.Url).AbsolutePath);
        Assert.Equal(0, await admin.Locator("[data-testid=panel-overdue]").CountAsync());
        Assert.Equal(0, await admin.Locator("[data-testid=home-workbench]").CountAsync());
        await host.ShotAsync(admin, "03-county-administrator");
        await using (var db = store.Context())
        {
            var units = await db.Units.AsNoTracking().Select(u => u.Name).ToListAsync(TestContext.Current.CancellationToken);
            var rows = admin.Locator("[data-testid=unit-setup]");
            Assert.Equal(units.Count, await rows.CountAsync());
            // The demo sets every unit up: five areas with deputies and a policy in force.
            Assert.Equal($"{units.Count}/{units.Count}", await admin.TextContentAsync("[data-testid=units-ready]"));
            Assert.Contains("5/5", await rows.First.TextContentAsync(), StringComparison.Ordinal);

            var administrative = db.LedgerEntries.AsNoTracking().Select(e => new { e.Sequence, e.SubjectType }).AsEnumerable()
                .Where(e => HomeView.AdministrativeSubjects.Contains(e.SubjectType)).OrderByDescending(e => e.Sequence).Take(10).Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(administrative, await admin.Locator("[data-testid=change] td.num").AllTextContentsAsync());
        }

        var deputy = await host.SignInAsync("u1.finance");
        Assert.Equal("/workbench", new Uri(deputy.Url).AbsolutePath);
        await deputy.GotoAsync("/");
        Assert.Equal("/workbench", new Uri(deputy.Url).AbsolutePath);
    }

    [Fact]
    public async Task OnAPhone_TheMenuFoldsAndOpens_NothingWrapsOneCharacterALine_TablesAreCards_TapTargetsAre44Px()
    {
        await using var host = await BrowserHost.StartAsync("phone", DemoMatters);
        var principal = await host.SignInAsync("u1.principal1");
        await principal.SetViewportSizeAsync(390, 844);
        var office = await host.SignInAsync("u1.office");
        await office.SetViewportSizeAsync(390, 844);

        foreach (var (page, path) in new[] { (principal, "/"), (office, "/workbench"), (principal, "/matters"), (office, "/matters/new"), (principal, "/meetings") })
        {
            await page.GotoAsync(path);
            var name = path.Trim('/').Replace('/', '-');
            Assert.False(await page.IsVisibleAsync("[data-testid=nav]"), path + ": the menu is folded");
            Assert.True(await page.IsVisibleAsync("[data-testid=menu-button]"), path);
            Assert.True(await NoHorizontalScrollAsync(page), path + ": the page is wider than the phone");
            AssertNone(path, await SqueezedAsync(page, "main td, main th, main label, main button, main a"));
            await host.ShotAsync(page, "phone-" + (name.Length == 0 ? "home" : name));

            await page.ClickAsync("[data-testid=menu-button]");
            Assert.True(await page.IsVisibleAsync("[data-testid=nav]"), path + ": the menu opens");
            AssertNone(path, await SqueezedAsync(page, "[data-testid=nav] a"));
            foreach (var link in await page.Locator("[data-testid=nav] a").AllAsync())
            {
                var box = (await link.BoundingBoxAsync())!;
                Assert.InRange(box.Height, 44, 48);
            }

            AssertNone(path, await ShortTargetsAsync(page, "[data-testid=nav] a, [data-testid=menu-button], header button, main form button, main form select, main form input:not([type=hidden]):not([type=checkbox]):not([type=radio])"));
            await host.ShotAsync(page, "phone-menu-" + (name.Length == 0 ? "home" : name));
            await page.ClickAsync("[data-testid=menu-button]");
            Assert.False(await page.IsVisibleAsync("[data-testid=nav]"), path + ": the menu folds again");
        }

        // A table is a card a row, each cell labelled with its column's header, the header row hidden.
        await principal.GotoAsync("/matters");
        var table = principal.Locator("[data-testid=list-results] table");
        var headers = (await table.Locator("thead th").AllTextContentsAsync()).Select(h => h.Trim()).ToList();
        var cells = table.Locator("tbody tr").First.Locator("td");
        Assert.NotEmpty(headers);
        Assert.Equal(headers.Count, await cells.CountAsync());
        for (var i = 0; i < headers.Count; i++)
        {
            Assert.Equal(headers[i], await cells.Nth(i).GetAttributeAsync("data-label"));
            Assert.Equal("grid", await cells.Nth(i).EvaluateAsync<string>("e => getComputedStyle(e).display"));
        }

        Assert.True((await table.Locator("thead").BoundingBoxAsync())!.Height <= 1);
        Assert.True((await table.Locator("tbody tr").First.BoundingBoxAsync())!.Width <= 390);
    }

    private static void AssertNone(string path, List<string> found) =>
        Assert.True(found.Count == 0, path + ": " + string.Join("; ", found));

    private static async Task<UnitId> UnitOfAsync(FenquanStore store, Guid person)
    {
        await using var db = store.Context();
        return await db.Memberships.AsNoTracking().Where(m => m.PersonId == new PersonId(person)).Select(m => m.UnitId).FirstAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<int>> NumbersAsync(IPage page, string testId) =>
        (await page.Locator($"[data-testid={testId}]").AllTextContentsAsync()).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();

    private static Task<bool> NoHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    /// <summary>
    /// Visible elements of two or more characters that are narrower than two characters or laid out
    /// one character a line (as many text lines as characters), described for the failure message.
    /// </summary>
    private static async Task<List<string>> SqueezedAsync(IPage page, string selector)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0).map(e => {
                const text = (e.innerText || e.value || '').trim();
                const size = parseFloat(getComputedStyle(e).fontSize);
                const tops = new Set();
                const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0).forEach(r => tops.add(Math.round(r.top)));
                }
                const lines = tops.size;
                const box = e.getBoundingClientRect();
                return { text: text.slice(0, 24), chars: [...text].length, lines, width: box.width, size };
            }).filter(x => x.chars >= 2 && (x.width < 2 * x.size || (x.chars <= 12 && x.lines >= x.chars)))
              .map(x => `${x.text} (${x.chars} characters, ${x.lines} lines, ${Math.round(x.width)} px wide)`)
            """,
            selector);
        return found.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>Visible tap targets less than 44 px tall, described.</summary>
    private static async Task<List<string>> ShortTargetsAsync(IPage page, string selector)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length > 0)
                .map(e => ({ name: e.tagName + ' ' + ((e.innerText || e.name || e.id || '').trim().slice(0, 20)), height: e.getBoundingClientRect().height }))
                .filter(x => x.height < 43.5).map(x => `${x.name}: ${x.height.toFixed(1)} px`)
            """,
            selector);
        return found.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}

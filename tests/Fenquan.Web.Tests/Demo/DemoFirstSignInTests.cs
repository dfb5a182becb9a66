using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Demo;

/// <summary>
/// Issue 12: the demo county as <c>dotnet run</c> seeds it (the default options) gives every
/// official work on first sign-in — each principal, deputy and office reviewer of every unit finds
/// at least two tasks on the workbench (<c>GET /api/v1/tasks</c>, the query the workbench page
/// shows), the office's include reviews, and none has waited for months — and its first unit's
/// chair sees a meeting in every state on the meetings page.
/// </summary>
public sealed partial class DemoFirstSignInTests(DemoFirstSignInTests.DefaultDemo demo) : IClassFixture<DemoFirstSignInTests.DefaultDemo>
{
    /// <summary>The application with the demo seeded by the default options, started once for the class.</summary>
    public sealed class DefaultDemo : IAsyncLifetime
    {
        public WebApp App { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var defaults = new FenquanOptions();
            App = await WebApp.StartAsync(settings: new Dictionary<string, string>
            {
                ["Fenquan:DemoMatters"] = defaults.DemoMatters.ToString(CultureInfo.InvariantCulture),
                ["Fenquan:DemoOpenTasks"] = defaults.DemoOpenTasks.ToString(CultureInfo.InvariantCulture),
            });
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task EveryPrincipalDeputyAndOffice_FindsTwoTasksOnFirstSignIn_NoneWaitingForMonths()
    {
        var now = DateTimeOffset.UtcNow;
        var officials = await OfficialsAsync();
        Assert.Equal(5 * 6 + 3, officials.Count); // five units of four deputies and an office; 城关镇, 桃源乡 and 县教育局 have two principals

        foreach (var user in officials)
        {
            using var client = await demo.App.SignInAsync(user);
            var tasks = (await (await client.GetAsync("/api/v1/tasks", TestContext.Current.CancellationToken)).ReadAsync()).EnumerateArray().ToList();

            Assert.True(tasks.Count >= 2, $"{user} has {tasks.Count} task(s)");
            Assert.All(tasks, t => Assert.True(t.GetProperty("since").GetDateTimeOffset() >= now.AddDays(-30), $"{user}: a task waits since {t.GetProperty("since")}"));
            Assert.All(tasks, t => Assert.True(t.GetProperty("since").GetDateTimeOffset() <= now, $"{user}: a task dated {t.GetProperty("since")}"));
            if (user.EndsWith(".office", StringComparison.Ordinal))
            {
                Assert.Contains(tasks, t => t.GetProperty("step").GetString() == "Review");
            }

            if (user.EndsWith(".finance", StringComparison.Ordinal))
            {
                Assert.Contains(tasks, t => t.GetProperty("matter").GetProperty("area").GetString() == "Finance");
            }
        }
    }

    [Fact]
    public async Task TheChairOfTheFirstUnit_SeesAMeetingScheduled_OneAwaitingSignatures_AndOneSigned()
    {
        using var chair = await demo.App.SignInAsync("u1.principal1");

        var page = await chair.GetAsync("/meetings", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var table = html[html.IndexOf("data-testid=\"meetings\"", StringComparison.Ordinal)..];
        var states = MeetingRow().Matches(table).Select(m => m.Groups["state"].Value).ToList();
        Assert.Single(states, "已安排");
        Assert.Single(states, "已闭会");
        Assert.Contains("纪要已签署，决定已生效", states);
    }

    /// <summary>Every principal, deputy and office reviewer's user name (u1.principal1 … u5.office).</summary>
    private async Task<List<string>> OfficialsAsync()
    {
        await using var scope = demo.App.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>().Users.AsNoTracking().Select(u => u.UserName!).ToListAsync(TestContext.Current.CancellationToken);
        return [.. names.Where(n => Official().IsMatch(n)).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^u\d+\.(principal\d|finance|personnel|procurement|construction|office)$")]
    private static partial Regex Official();

    [GeneratedRegex("<tr><td[^>]*><a href=\"/meetings/[0-9a-f-]+\"[^>]*>[^<]*</a></td>\\s*<td[^>]*>[^<]*</td><td[^>]*>[^<]*</td><td[^>]*>(?<state>[^<]*)</td></tr>")]
    private static partial Regex MeetingRow();
}

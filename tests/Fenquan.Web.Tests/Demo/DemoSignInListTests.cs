using System.Text.RegularExpressions;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Demo;

/// <summary>
/// The README's demo sign-ins agree with what the server prints at first start (issue 12): its
/// table is the printed list, row for row, and every demo user name it mentions signs in somebody.
/// </summary>
public sealed partial class DemoSignInListTests
{
    [Fact]
    public async Task ReadmeTable_IsThePrintedList_AndEveryUserNameItMentionsExists()
    {
        await using var app = await WebApp.StartAsync();
        var printed = app.Services.GetRequiredService<StartupReport>().DemoSignIns;
        var section = ReadmeSection("### Demo sign-ins");

        var table = TableRow().Matches(section).Select(m => (m.Groups["user"].Value, m.Groups["who"].Value.Trim())).ToList();

        Assert.Equal(printed, table);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
        var mentioned = UserName().Matches(section).Select(m => m.Groups["user"].Value).Distinct().ToList();
        Assert.Contains("u1.financestaff", mentioned);
        foreach (var user in mentioned)
        {
            Assert.True(await users.FindByNameAsync(user) is not null, $"the README names {user}, which is no demo sign-in");
        }
    }

    /// <summary>The README's section from the heading to the next heading.</summary>
    private static string ReadmeSection(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(Browser.BrowserHost.ProjectFolder(), "..", "..", "README.md"));
        var start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no \"{heading}\"");
        var end = readme.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [GeneratedRegex(@"^\| `(?<user>[^`]+)` \| (?<who>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`(?<user>admin2?|county\.discipline|u\d+\.[a-z]+\d*)`")]
    private static partial Regex UserName();
}

using Deque.AxeCore.Playwright;
using Fenquan.Testing;

namespace Fenquan.Web.Tests.Browser.Sweep;

/// <summary>
/// Every page, as the role that uses it, in Chinese and in English: a full-page screenshot at 1366
/// and 390 pixels wide (artifacts/screenshots/{language}/{width}/{page}.png), no word of the other
/// language outside user data (<see cref="LanguageLeaks"/>), and no serious or critical axe-core
/// violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageSweepTests(SweepServer sweep) : IClassFixture<SweepServer>
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in SweptPages.All)
        {
            foreach (var language in SweepServer.Languages)
            {
                data.Add(page.Name, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_IsInItsLanguage_AndAccessible(string name, string language)
    {
        if (sweep.Host is null)
        {
            Requirements.Missing("Chromium");
        }

        var swept = SweptPages.All.Single(p => p.Name == name);
        var address = swept.Address(sweep.Ids!);
        foreach (var width in SweepServer.Widths)
        {
            var page = await sweep.PageAsync(swept.User, language, width);
            var response = await page.GotoAsync(address);
            Assert.True(response!.Status == swept.Status, $"{address} as {swept.User ?? "anonymous"} answered {response.Status}, not {swept.Status}");

            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            var folder = Path.Combine(SweepServer.Shots, language, width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, swept.Name + ".png"), FullPage = true });
            if (width != SweepServer.Widths[0])
            {
                continue;
            }

            var leaks = LanguageLeaks.Find(await LanguageLeaks.TextAsync(page), language);
            var axe = await page.RunAxe();
            var violations = axe.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}").ToList();
            Assert.True(leaks.Count == 0 && violations.Count == 0,
                $"{address} ({language}): words of the other language: [{string.Join(", ", leaks)}]; axe: {string.Join("; ", violations)}");
        }
    }
}

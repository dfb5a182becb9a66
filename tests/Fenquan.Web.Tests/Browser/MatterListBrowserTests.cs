using System.Text;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// Lists that find things, in Chromium: from the workbench the principal searches the unit's matters
/// with a two-character Chinese word (空调), sees the count, narrows by area and amount, pages
/// forward and back, and exports the whole filtered list as .csv and .xlsx; another unit's matter
/// with the same word is never shown (R1).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MatterListBrowserTests
{
    [Fact]
    [Trait("Rule", "R1")]
    public async Task SearchWithATwoCharacterWord_Filter_PageBackAndForth_Export()
    {
        await using var host = await BrowserHost.StartAsync("lists");
        var clerk = await host.SignInAsync("u1.staff1");
        foreach (var (title, amount) in new[] { ("会议室空调清洗", 300m), ("机房空调冷凝器维修", 800m), ("办公室空调加氟", 450m), ("档案室除湿机维修", 500m) })
        {
            Assert.Equal(201, (await clerk.APIRequest.PostAsync("/api/v1/matters", new() { DataObject = new { kind = "Expense", title, amount, payMe = true } })).Status);
        }

        var outsider = await host.SignInAsync("u2.staff1");
        Assert.Equal(201, (await outsider.APIRequest.PostAsync("/api/v1/matters", new() { DataObject = new { kind = "Expense", title = "外单位空调采购", amount = 600m, payMe = true } })).Status);

        // From the workbench's search box: 空调 finds the three, not the other unit's.
        var principal = await host.SignInAsync("u1.principal1");
        await principal.FillAsync("#workbench-q", "空调");
        await principal.ClickAsync("[data-testid=workbench-search] button");
        await principal.WaitForURLAsync("**/matters?*");
        Assert.Contains("共找到 3 项", await principal.TextContentAsync("[data-testid=list-count]"));
        var results = await principal.TextContentAsync("[data-testid=list-results]");
        Assert.Contains("机房空调冷凝器维修", results);
        Assert.DoesNotContain("外单位", results);
        Assert.DoesNotContain("除湿机", results);
        await host.ShotAsync(principal, "01-search");

        // Filters: finance, at least 400 yuan → two; by amount, highest first.
        await principal.SelectOptionAsync("#area", "Finance");
        await principal.FillAsync("#min", "400");
        await principal.SelectOptionAsync("#sort", "amount-desc");
        await principal.ClickAsync("[data-testid=list-search]");
        await principal.WaitForURLAsync("**min=400**");
        Assert.Contains("共找到 2 项", await principal.TextContentAsync("[data-testid=list-count]"));
        var rows = principal.Locator("[data-testid=list-results] tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("机房空调冷凝器维修", await rows.Nth(0).TextContentAsync());
        Assert.Contains("办公室空调加氟", await rows.Nth(1).TextContentAsync());
        Assert.Equal(0, await principal.Locator("[data-testid=list-previous]").CountAsync());

        // One a page: forward to page 2, then back to page 1, the filters kept.
        await principal.GotoAsync(principal.Url + "&size=1");
        Assert.Contains("机房空调冷凝器维修", await principal.TextContentAsync("[data-testid=list-results]"));
        await principal.ClickAsync("[data-testid=list-next]");
        await principal.WaitForURLAsync("**page=2**");
        Assert.Contains("第 2 页，共 2 页", await principal.TextContentAsync("[data-testid=list-page]"));
        Assert.Contains("办公室空调加氟", await principal.TextContentAsync("[data-testid=list-results]"));
        Assert.Equal(0, await principal.Locator("[data-testid=list-next]").CountAsync());
        await host.ShotAsync(principal, "02-page-2");
        await principal.ClickAsync("[data-testid=list-previous]");
        await principal.WaitForURLAsync("**page=1**");
        Assert.Contains("机房空调冷凝器维修", await principal.TextContentAsync("[data-testid=list-results]"));
        Assert.Equal("400", await principal.InputValueAsync("#min"));

        // Export: both rows of the filtered list, not just the page.
        var csv = await principal.RunAndWaitForDownloadAsync(() => principal.ClickAsync("[data-testid=export-csv]"));
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken));
        Assert.Contains("机房空调冷凝器维修", text);
        Assert.Contains("办公室空调加氟", text);
        Assert.DoesNotContain("会议室空调清洗", text);
        var xlsx = await principal.RunAndWaitForDownloadAsync(() => principal.ClickAsync("[data-testid=export-xlsx]"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await xlsx.PathAsync()).Length > 0);
    }
}

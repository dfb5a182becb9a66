using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R47): a section head of 城关镇 (purchase limit 2,000) submits three
/// purchases of 1,500 from one supplier, each under the limit and together over it. The third
/// matter's page shows the split-purchase flag naming the other two, to the submitter without a way
/// to clear it; the procurement deputy sees it, is refused clearing it without a reason (R47), clears
/// it with one, and the county's flag counts show it cleared.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FlagBrowserTests
{
    [Fact]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    public async Task ASplitPurchase_IsFlagged_AndTheApproverClearsItWithAReason()
    {
        await using var host = await BrowserHost.StartAsync("flags");

        // 1. Three purchases of 1,500 from one stationer, each under the purchase limit of 2,000.
        var section = await host.SignInAsync("u1.section1");
        var urls = await SplitPurchases.SubmitAsync(section);

        // The first carries no flag; the third names the other two; the submitter cannot clear it.
        await section.GotoAsync(urls[0]);
        Assert.Equal(0, await section.Locator("[data-testid=flag-SplitPurchase]").CountAsync());
        await section.GotoAsync(urls[2]);
        var ownFlag = section.Locator("[data-testid=flag-SplitPurchase]");
        Assert.Contains("4,500.00", await ownFlag.TextContentAsync());
        Assert.Equal(0, await section.Locator("[data-testid=clear-flag-form]").CountAsync());

        // 2. The procurement deputy, whose step it is, sees the flag with the other two matters named.
        var deputy = await host.SignInAsync("u1.procurement");
        await deputy.GotoAsync(urls[2]);
        var flag = deputy.Locator("[data-testid=flag-SplitPurchase]");
        var text = await flag.TextContentAsync();
        Assert.Contains("疑似拆分采购", text);
        Assert.Contains("2,000.00", text);
        Assert.Contains("采购打印纸", await flag.Locator("[data-testid=flag-related]").TextContentAsync());
        Assert.Contains("采购墨盒", await flag.Locator("[data-testid=flag-related]").TextContentAsync());
        Assert.Equal(1, await flag.Locator("[data-testid=flag-open]").CountAsync());
        await host.ShotAsync(deputy, "00-split-flagged");

        // 3. Clearing without a reason is refused naming R47; with a reason it is cleared.
        BrowserHost.AcceptConfirmations(deputy);
        await flag.Locator("[data-testid=clear-flag]").ClickAsync();
        Assert.Contains("R47", await deputy.TextContentAsync("[data-testid=error]"));
        flag = deputy.Locator("[data-testid=flag-SplitPurchase]");
        await flag.Locator("[data-testid=flag-reason]").FillAsync("三项用途不同，已分别询价三家");
        await flag.Locator("[data-testid=clear-flag]").ClickAsync();
        await deputy.WaitForSelectorAsync(".notice");
        flag = deputy.Locator("[data-testid=flag-SplitPurchase]");
        Assert.Equal(1, await flag.Locator("[data-testid=flag-cleared]").CountAsync());
        Assert.Contains("三项用途不同，已分别询价三家", await flag.Locator("[data-testid=flag-clearing]").TextContentAsync());
        await host.ShotAsync(deputy, "01-flag-cleared");

        // 4. The flag never blocked the matter: the deputy approves it; the unit's count shows it cleared.
        await deputy.ClickAsync("[data-testid=action-Approve]");
        await deputy.WaitForSelectorAsync(".notice");
        await deputy.ClickAsync("[data-testid=nav-flags]");
        Assert.Contains("采购文件柜", await deputy.TextContentAsync("[data-testid=flagged-matters]"));
        Assert.Contains("疑似拆分采购", await deputy.TextContentAsync("[data-testid=flag-counts]"));
    }
}

using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// County settings in Chromium on /admin/county (R4, R16, R40): a county administrator's bounds that
/// no unit could meet are refused with the rule on the page; widened bounds proposed by one
/// administrator are not in force, and the proposer is offered no confirm button; a second
/// administrator confirms them and the page shows the new bounds in force. A new name for the county
/// goes the same way, and once confirmed every page's header and the public register show it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CountySettingsBrowserTests
{
    [Fact]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R40")]
    public async Task OneAdministratorProposesWiderBounds_ASecondConfirms_AndTheyAreInForce()
    {
        await using var host = await BrowserHost.StartAsync("settings");
        var admin = await host.SignInAsync("admin");
        var admin2 = await host.SignInAsync("admin2");

        // 1. A small-expense range above the collective limit is refused, naming R4.
        await admin.GotoAsync("/admin/county");
        await admin.FillAsync("#settings-SmallExpenseMax", "8000");
        await admin.FillAsync("#settings-Summary", "小额支出上限提高到8000元");
        await admin.ClickAsync("[data-testid=propose-bounds]");
        Assert.Contains("R4", await admin.TextContentAsync("[data-testid=error]"));
        Assert.Equal(0, await admin.Locator("[data-testid=bounds-pending]").CountAsync());

        // 2. A wider purchase range: proposed, not in force, no confirm button for its proposer.
        await admin.GotoAsync("/admin/county");
        await admin.FillAsync("#settings-PurchaseMin", "500");
        await admin.FillAsync("#settings-Summary", "采购限额下限降为500元");
        await admin.ClickAsync("[data-testid=propose-bounds]");
        await admin.WaitForSelectorAsync("[data-testid=bounds-pending]");
        Assert.Contains("采购限额下限降为500元", await admin.TextContentAsync("[data-testid=bounds-pending]"));
        Assert.Contains("R16 ¥1,000.00", await admin.TextContentAsync("[data-testid=bounds-in-force]"));
        Assert.Equal(0, await admin.Locator("[data-testid=confirm-bounds]").CountAsync());
        await host.ShotAsync(admin, "01-proposed");

        // 3. The second administrator confirms: the new range is in force.
        await admin2.GotoAsync("/admin/county");
        await admin2.ClickAsync("[data-testid=confirm-bounds]");
        await admin2.WaitForSelectorAsync("text=已确认并生效");
        Assert.Contains("R16 ¥500.00", await admin2.TextContentAsync("[data-testid=bounds-in-force]"));
        Assert.Equal(0, await admin2.Locator("[data-testid=bounds-pending]").CountAsync());
        await host.ShotAsync(admin2, "02-confirmed");
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task OneAdministratorProposesANewName_ASecondConfirms_AndThePagesShowIt()
    {
        await using var host = await BrowserHost.StartAsync("rename");
        var admin = await host.SignInAsync("admin");
        var admin2 = await host.SignInAsync("admin2");

        // 1. The name it already has is refused, naming R40.
        await admin.GotoAsync("/admin/county");
        Assert.Equal("清河县", await admin.TextContentAsync("[data-testid=county-name]"));
        await admin.FillAsync("#rename-Name", "清河县");
        await admin.FillAsync("#rename-Summary", "不变");
        await admin.ClickAsync("[data-testid=propose-name]");
        Assert.Contains("R40", await admin.TextContentAsync("[data-testid=error]"));
        Assert.Equal(0, await admin.Locator("[data-testid=name-pending]").CountAsync());

        // 2. A new name: proposed, not in force, no confirm button for its proposer.
        await admin.GotoAsync("/admin/county");
        await admin.FillAsync("#rename-Name", "清河市");
        await admin.FillAsync("#rename-Summary", "撤县设市");
        await admin.ClickAsync("[data-testid=propose-name]");
        await admin.WaitForSelectorAsync("[data-testid=name-pending]");
        Assert.Contains("清河市", await admin.TextContentAsync("[data-testid=name-pending]"));
        Assert.Equal("清河县", await admin.TextContentAsync("[data-testid=name-in-force]"));
        Assert.Equal(0, await admin.Locator("[data-testid=confirm-name]").CountAsync());
        await host.ShotAsync(admin, "rename-01-proposed");

        // 3. The second administrator confirms: the county is renamed, in the header and in the public register.
        await admin2.GotoAsync("/admin/county");
        await admin2.ClickAsync("[data-testid=confirm-name]");
        await admin2.WaitForSelectorAsync("text=已确认并生效");
        Assert.Equal("清河市", await admin2.TextContentAsync("[data-testid=name-in-force]"));
        Assert.Equal("清河市", await admin2.TextContentAsync("[data-testid=county-name]"));
        Assert.Equal(0, await admin2.Locator("[data-testid=name-pending]").CountAsync());
        await host.ShotAsync(admin2, "rename-02-confirmed");
        await admin.GotoAsync("/workbench");
        Assert.Equal("清河市", await admin.TextContentAsync("[data-testid=county-name]"));
        var citizen = await host.AnonymousAsync();
        Assert.Contains("清河市", await citizen.TextContentAsync("[data-testid=counties]"));
    }
}

using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// County administrators in Chromium (R40): on /admin/administrators one administrator proposes a
/// third, sees it pending with only a withdraw button, and the other administrator confirms it; the
/// new administrator then finds the page in their own navigation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorsBrowserTests
{
    [Fact]
    [Trait("Rule", "R40")]
    public async Task OneAdministratorProposes_TheOtherConfirms_TheThirdSeesThePage()
    {
        await using var host = await BrowserHost.StartAsync("administrators");
        var admin = await host.SignInAsync("admin");
        var admin2 = await host.SignInAsync("admin2");

        await admin.GotoAsync("/admin/administrators");
        await admin.FillAsync("#Account", "u1.section1");
        await admin.ClickAsync("[data-testid=grant]");
        await admin.Locator("[data-testid=withdraw-u1\\.section1]").WaitForAsync();
        Assert.Contains("待另一名县级管理员确认", await admin.TextContentAsync("[data-testid=notice]"));
        Assert.Equal(0, await admin.Locator("[data-testid=confirm-u1\\.section1]").CountAsync());
        await host.ShotAsync(admin, "01-proposed");

        await admin2.GotoAsync("/admin/administrators");
        await admin2.ClickAsync("[data-testid=confirm-u1\\.section1]");
        await admin2.Locator("[data-testid=notice]").WaitForAsync();
        Assert.Contains("u1.section1", await admin2.TextContentAsync("[data-testid=administrators]"));
        Assert.Contains("已生效", await admin2.TextContentAsync("[data-testid=change-u1\\.section1]"));

        var third = await host.SignInAsync("u1.section1");
        await third.ClickAsync("a[href='/admin/administrators']");
        await third.WaitForURLAsync("**/admin/administrators");
        Assert.Contains("u1.section1", await third.TextContentAsync("[data-testid=administrators]"));
        await host.ShotAsync(third, "02-third-administrator");
    }
}

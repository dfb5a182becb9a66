using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// First run without the demo (issue 12), in Chromium: an empty data folder sends the sign-in to the
/// setup page; a wrong setup code changes nothing; the console's code creates the county and its first
/// county administrator, who lands signed in on the county's page; then the setup page is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunBrowserTests
{
    [Fact]
    public async Task FromAnEmptyFolder_ToASignedInCountyAdministrator()
    {
        await using var host = await BrowserHost.StartAsync("first-run", 0, null, "--no-demo");
        var services = host.Server.App.Services;
        var code = services.GetRequiredService<StartupReport>().SetupCode;
        Assert.False(string.IsNullOrEmpty(code));

        var page = await host.AnonymousAsync();
        await page.GotoAsync("/account/signin");
        await page.WaitForURLAsync("**/setup");

        async Task FillAsync(string setupCode)
        {
            await page.FillAsync("#Code", setupCode);
            await page.FillAsync("#CountyName", "试点县");
            await page.FillAsync("#UserName", "county.admin");
            await page.FillAsync("#Password", "Pilot-County-2026");
            await page.FillAsync("#ConfirmPassword", "Pilot-County-2026");
            await page.ClickAsync("[data-testid=setup-submit]");
        }

        // A stranger without the console's code makes nothing.
        await FillAsync("AAAA-BBBB-CCCC");
        Assert.Contains("setup code", await page.TextContentAsync("[data-testid=error]"));
        await using (var db = services.GetRequiredService<Fenquan.Data.Storage.FenquanStore>().Context())
        {
            Assert.Equal(0, await db.Counties.CountAsync(TestContext.Current.CancellationToken));
        }

        await FillAsync(code!.ToLowerInvariant());
        await page.WaitForURLAsync("**/admin/county");
        await host.ShotAsync(page, "00-county");
        var me = await (await page.APIRequest.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("county.admin", me!.Value.GetProperty("userName").GetString());
        Assert.True(me.Value.GetProperty("isCountyAdministrator").GetBoolean());
        await using (var db = services.GetRequiredService<Fenquan.Data.Storage.FenquanStore>().Context())
        {
            Assert.Equal(["试点县"], await db.Counties.Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, await db.LedgerEntries.CountAsync(TestContext.Current.CancellationToken)); // county.created
        }

        // Setup is over: the page is gone, for everyone, and the code is spent.
        var again = await (await host.AnonymousAsync()).GotoAsync("/setup");
        Assert.Equal(404, again!.Status);
        Assert.Null(services.GetRequiredService<Fenquan.Web.Setup.SetupGate>().Code);
    }
}

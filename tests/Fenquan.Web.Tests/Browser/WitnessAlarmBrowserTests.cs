using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Fenquan.Web.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Browser;

// R44: when the demo's witness refuses a forged history, the county administrator sees the alarm on
// the ledger page; before that, the page shows the witness's cosignature of the latest checkpoint.
[Trait("Rule", "R44")]
[Collection(BrowserCollection.Name)]
public class WitnessAlarmBrowserTests
{
    [Fact]
    public async Task CountyAdministrator_SeesTheForkAlarm_AfterAHistoryResignedWithTheServersKey()
    {
        await using var host = await BrowserHost.StartAsync("witness-alarm", 0, null, "--Fenquan:WitnessPushSeconds=1");
        var store = host.Server.App.Services.GetRequiredService<FenquanStore>();
        var pusher = host.Server.App.Services.GetRequiredService<WitnessPusher>();
        var admin = await host.SignInAsync("admin");
        var county = await CosignedAsync(store, pusher);

        await admin.GotoAsync("/ledger");
        await Microsoft.Playwright.Assertions.Expect(admin.GetByTestId("witnesses")).ToContainTextAsync(WitnessHub.DemoName);
        Assert.Equal(0, await admin.GetByTestId("witness-alarm").CountAsync());
        await host.ShotAsync(admin, "1-cosigned");

        // The operator rewrites history and re-signs it with the server's own key.
        await using (var db = store.Context())
        {
            await LedgerForgery.ForgeAsync(db, county, 3, store.Signer, TestContext.Current.CancellationToken);
        }

        await pusher.PushAllAsync(TestContext.Current.CancellationToken);
        await admin.ReloadAsync();
        var alarm = admin.GetByTestId("witness-alarm");
        await Microsoft.Playwright.Assertions.Expect(alarm).ToContainTextAsync("警报");
        await Microsoft.Playwright.Assertions.Expect(alarm).ToContainTextAsync("分叉");
        await host.ShotAsync(admin, "2-alarm");

        // A clerk of a unit sees the witnesses but not the alarm (it is for those who must act on it).
        var clerk = await host.SignInAsync("u1.staff1");
        await clerk.GotoAsync("/ledger");
        await Microsoft.Playwright.Assertions.Expect(clerk.GetByTestId("witnesses")).ToBeVisibleAsync();
        Assert.Equal(0, await clerk.GetByTestId("witness-alarm").CountAsync());
    }

    private static async Task<CountyId> CosignedAsync(FenquanStore store, WitnessPusher pusher)
    {
        for (int attempt = 0; ; attempt++)
        {
            await pusher.PushAllAsync(TestContext.Current.CancellationToken);
            await using var db = store.Context();
            var county = await db.Counties.Select(c => c.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
            var head = county == default ? null : await TransparencyQueries.LatestHeadAsync(db, county, TestContext.Current.CancellationToken);
            if (head is not null && await db.Set<CosignatureRow>().AnyAsync(c => c.CountyId == county.Value && c.TreeSize == head.TreeSize, TestContext.Current.CancellationToken))
            {
                return county;
            }

            Assert.True(attempt < 100, "the demo witness never cosigned");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

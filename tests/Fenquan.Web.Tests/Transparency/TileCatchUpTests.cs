using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Transparency;

// R44: a server started on an existing ledger builds its tiles in the background, before anyone asks
// for a proof; with the catch-up turned off nothing builds them until a request does.
[Trait("Rule", "R44")]
public class TileCatchUpTests
{
    [Fact]
    public async Task AfterStart_TheTilesReachTheLatestHead_WithoutAnyRequest()
    {
        await using (var off = await LiveServer.StartAsync("tiles-off", demoMatters: 10, extra: "--Fenquan:TileCatchUpSeconds=0"))
        {
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            var (built, head) = await SizesAsync(off.App.Services.GetRequiredService<FenquanStore>());
            Assert.True(head > 0 && built < head, $"built {built} of {head} with the catch-up off");
        }

        await using var on = await LiveServer.StartAsync("tiles-on", demoMatters: 10, extra: "--Fenquan:TileCatchUpSeconds=1");
        var store = on.App.Services.GetRequiredService<FenquanStore>();
        for (int attempt = 0; ; attempt++)
        {
            var (built, head) = await SizesAsync(store);
            if (head > 0 && built >= head)
            {
                break;
            }

            Assert.True(attempt < 300, $"the tiles cover {built} of {head} leaves after {attempt} polls");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(long Built, long Head)> SizesAsync(FenquanStore store)
    {
        await using var db = store.Context();
        var county = new CountyId(await db.Counties.Select(c => c.Id.Value).FirstAsync(TestContext.Current.CancellationToken));
        var head = await TransparencyQueries.LatestHeadAsync(db, county, TestContext.Current.CancellationToken);
        return (await LedgerTiles.BuiltSizeAsync(db, county, TestContext.Current.CancellationToken), head?.TreeSize ?? 0);
    }
}

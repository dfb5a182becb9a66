using System.Diagnostics;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Transparency;

/// <summary>
/// R44: builds each county's tiles up to its latest signed head just after the server starts and then
/// every <see cref="FenquanOptions.TileCatchUpSeconds"/>, so that the first proof, tile or consistency
/// request on a large existing ledger does not pay for building them (seconds per million entries).
/// </summary>
public sealed class TileCatchUp(FenquanStore store, IOptions<FenquanOptions> options, ILogger<TileCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TileCatchUpSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TileCatchUpSeconds));
        do
        {
            try
            {
                await CatchUpAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Building the ledger's tiles failed; they are built on first request meanwhile, and tried again in {Seconds} s.", options.Value.TileCatchUpSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CatchUpAllAsync(CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var county in counties)
        {
            var head = await TransparencyQueries.LatestHeadAsync(db, county, cancellationToken);
            long built = await LedgerTiles.BuiltSizeAsync(db, county, cancellationToken);
            if (head is null || built >= head.TreeSize)
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            await LedgerTiles.CatchUpAsync(db, county, head.TreeSize, cancellationToken);
            logger.LogInformation("Built county {County}'s tiles from {From} to {To} leaves in {Seconds:F1} s.", county, built, head.TreeSize, watch.Elapsed.TotalSeconds);
        }
    }
}

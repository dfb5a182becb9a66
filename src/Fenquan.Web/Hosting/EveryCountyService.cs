using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Hosting;

/// <summary>
/// A background check run for every county at start and then every <see cref="Every"/> (the
/// periodic reports of R43 and R46): each run is idempotent, so a failed round is simply tried
/// again next time.
/// </summary>
public abstract class EveryCountyService(FenquanStore store, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Every { get; }

    /// <summary>What the check does for one county; returns how many it reported, for the log.</summary>
    protected abstract Task<int> RunAsync(CountyId county);

    /// <summary>The log line for a round that reported something ({Count}, {County}).</summary>
    protected abstract string Reported { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                List<CountyId> counties;
                await using (var db = store.Context())
                {
                    counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(stoppingToken);
                }

                foreach (var county in counties)
                {
                    var reported = await RunAsync(county);
                    if (reported > 0)
                    {
#pragma warning disable CA2254 // the template is the subclass's constant
                        logger.LogInformation(Reported, reported, county);
#pragma warning restore CA2254
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Check} failed; trying again in {Minutes} minutes.", GetType().Name, Every.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

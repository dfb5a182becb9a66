using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Hosting;

/// <summary>
/// R46: every half hour (and shortly after start), tells the people a matter's step waits for when
/// it has used the warning share of its time limit (yellow) or passed it (red), on the working-day
/// calendar (<see cref="StepLimitOperations.ReportAsync"/>; each step and colour once).
/// </summary>
public sealed class StepLimitReporter(FenquanStore store, Clock clock, IOptions<FenquanOptions> options, ILogger<StepLimitReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var operations = new StepLimitOperations(store.Writer);
        var limits = options.Value.StepTimeLimits();
        var watch = new Core.Calendar.LimitWatch(options.Value.WarningPercent);
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                List<Core.Primitives.CountyId> counties;
                await using (var db = store.Context())
                {
                    counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(stoppingToken);
                }

                foreach (var county in counties)
                {
                    var reported = await operations.ReportAsync(county, clock.Today, limits, watch);
                    if (reported > 0)
                    {
                        logger.LogInformation("Told {Count} person(s) of steps near or past their time limit in county {County}.", reported, county);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Checking steps against their time limits failed; trying again in {Minutes} minutes.", Every.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

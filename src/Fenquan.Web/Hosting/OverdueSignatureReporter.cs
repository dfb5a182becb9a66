using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Hosting;

/// <summary>
/// R43: every half hour (and shortly after start), reports to each unit's discipline member the
/// attendees who have not signed a meeting's minutes within the county's signing period
/// (<see cref="MeetingOperations.ReportOverdueSignaturesAsync"/>; each once per minutes version).
/// </summary>
public sealed class OverdueSignatureReporter(FenquanStore store, Clock clock, ILogger<OverdueSignatureReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var operations = new MeetingOperations(store.Writer);
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
                    var reported = await operations.ReportOverdueSignaturesAsync(county, clock.Today);
                    if (reported > 0)
                    {
                        logger.LogInformation("Reported {Count} overdue minutes signature(s) to discipline members in county {County}.", reported, county);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reporting overdue minutes signatures failed; trying again in {Minutes} minutes.", Every.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

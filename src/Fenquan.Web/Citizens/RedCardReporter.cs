using Fenquan.Core.Calendar;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Citizens;

/// <summary>R46: every few minutes, each red card escalates to the unit's discipline members (<see cref="ApplicationOperations.ReportRedCardsAsync"/>; once per application and stage).</summary>
public sealed class RedCardReporter(FenquanStore store, ApplicationOperations operations, Clock clock, IOptions<FenquanOptions> options, ILogger<RedCardReporter> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);
                await ReportAsync(store, operations, clock.Today, new LimitWatch(options.Value.WarningPercent));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or DbUpdateException or IOException)
            {
                logger.LogWarning(e, "Reporting red cards failed; trying again in {Minutes} minutes.", Every.TotalMinutes);
            }
        }
    }

    /// <summary>One round over every county.</summary>
    public static async Task<int> ReportAsync(FenquanStore store, ApplicationOperations operations, DateOnly today, LimitWatch watch)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(operations);
        await using var db = store.Context();
        var reported = 0;
        foreach (var county in await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync())
        {
            var result = await operations.ReportRedCardsAsync(county, today, watch);
            reported += result.IsOk ? result.Value : 0;
        }

        return reported;
    }
}

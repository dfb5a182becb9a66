using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Transparency;

/// <summary>Pushes each county's latest checkpoint to every configured witness, every few seconds (R44).</summary>
public sealed class WitnessPusher(FenquanStore store, WitnessHub hub, IOptions<FenquanOptions> options, ILogger<WitnessPusher> log) : BackgroundService
{
    /// <summary>One round now (tests, and after a change an operator wants witnessed at once).</summary>
    public async Task PushAllAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await PushRoundAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private readonly SemaphoreSlim _gate = new(1, 1);

    private async Task PushRoundAsync(CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        hub.TrustCounties(counties);
        foreach (CountyId county in counties)
        {
            foreach (var (key, client) in hub.Witnesses())
            {
                var outcome = await hub.Pushing.PushAsync(db, county, key, client, cancellationToken);
                if (outcome == Data.Witness.PushOutcome.Alarm)
                {
                    log.LogError("R44 ALARM: witness {Witness} reports that county {County}'s ledger is not an extension of what it cosigned (fork or rollback).", key.Name, county);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.WitnessPushSeconds)));
        do
        {
            try
            {
                await PushAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Pushing checkpoints to witnesses failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

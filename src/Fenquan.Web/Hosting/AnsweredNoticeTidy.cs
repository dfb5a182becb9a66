using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Hosting;

/// <summary>
/// Every hour (and shortly after start), marks read the requests to act on a matter's step that
/// have since been answered (<see cref="NotificationOperations.SettleAnsweredAsync"/>). The unread
/// count is right without it; this keeps the rows it reads few, in ledgered batches away from the
/// approval path.
/// </summary>
public sealed class AnsweredNoticeTidy(FenquanStore store, ILogger<AnsweredNoticeTidy> logger) : EveryCountyService(store, logger)
{
    private readonly NotificationOperations _operations = new(store.Writer);

    protected override TimeSpan Every => TimeSpan.FromHours(1);

    protected override string Reported => "Settled {Count} answered request(s) to act in county {County}.";

    protected override async Task<int> RunAsync(CountyId county)
    {
        const int batch = 2_000;
        int settled, total = 0;
        do
        {
            var round = await _operations.SettleAnsweredAsync(county, batch);
            settled = round.IsOk ? round.Value : 0;
            total += settled;
        }
        while (settled == batch);
        return total;
    }
}

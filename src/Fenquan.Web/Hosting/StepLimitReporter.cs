using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Hosting;

/// <summary>
/// R46: every half hour (and shortly after start), tells the people a matter's step waits for when
/// it has used the warning share of its time limit (yellow) or passed it (red), on the working-day
/// calendar (<see cref="StepLimitOperations.ReportAsync"/>; each step and colour once).
/// </summary>
public sealed class StepLimitReporter(FenquanStore store, Clock clock, ILogger<StepLimitReporter> logger) : EveryCountyService(store, logger)
{
    private readonly StepLimitOperations _operations = new(store.Writer);

    protected override TimeSpan Every => TimeSpan.FromMinutes(30);

    protected override string Reported => "Told {Count} person(s) of steps near or past their time limit in county {County}.";

    protected override Task<int> RunAsync(CountyId county) => _operations.ReportAsync(county, clock.Today);
}

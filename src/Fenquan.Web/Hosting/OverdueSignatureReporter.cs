using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;

namespace Fenquan.Web.Hosting;

/// <summary>
/// R43: every half hour (and shortly after start), reports to each unit's discipline member the
/// attendees who have not signed a meeting's minutes within the county's signing period
/// (<see cref="MeetingOperations.ReportOverdueSignaturesAsync"/>; each once per minutes version).
/// </summary>
public sealed class OverdueSignatureReporter(FenquanStore store, Clock clock, ILogger<OverdueSignatureReporter> logger) : EveryCountyService(store, logger)
{
    private readonly MeetingOperations _operations = new(store.Writer);

    protected override TimeSpan Every => TimeSpan.FromMinutes(30);

    protected override string Reported => "Reported {Count} overdue minutes signature(s) to discipline members in county {County}.";

    protected override Task<int> RunAsync(CountyId county) => _operations.ReportOverdueSignaturesAsync(county, clock.Today);
}

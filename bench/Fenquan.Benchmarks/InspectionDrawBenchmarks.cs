using BenchmarkDotNet.Attributes;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;

namespace Fenquan.Benchmarks;

/// <summary>
/// Target (issue 15, R8): the voucher inspection's draw over 1,000,000 paid claims under 1 s: the pure
/// core draw (order by id, monetary-unit sampling of 10 plus every claim above 50,000), and the same
/// after summing 1,000,000 payment rows by claim as the data path does in memory.
/// </summary>
[MemoryDiagnoser]
public class InspectionDrawBenchmarks
{
    private const int Claims = 1_000_000;
    private readonly InspectionSeed _head = new(1_234_567, "iSe9DFx6HMP3+qBjcJO2zXdteCoHn9ste2DbbVehKuA=", DateTimeOffset.UnixEpoch, "demo.witness/jiwei");
    private List<SampleCandidate> _population = [];
    private (Guid Matter, decimal Amount)[] _payments = [];
    private byte[] _seed = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261206);
        _population = [.. Enumerable.Range(0, Claims).Select(_ => new SampleCandidate(Guid.CreateVersion7(), decimal.Round((decimal)(random.NextDouble() * random.NextDouble() * 80_000) + 10m, 2)))];
        _payments = [.. _population.Select(c => (c.MatterId, c.Amount))];
        _seed = _head.Bytes(new CountyId(Guid.CreateVersion7()), new UnitId(Guid.CreateVersion7()), new InspectionPeriod(2026, 3, 3));
    }

    [Benchmark(Description = "Draw over 1,000,000 paid claims (core)")]
    public int Draw() => VoucherSample.Draw(_population, _seed, 10, 50_000m).Count;

    [Benchmark(Description = "Sum 1,000,000 payments by claim, then draw")]
    public int SumThenDraw() =>
        VoucherSample.Draw(VoucherSample.ByClaim(_payments), _seed, 10, 50_000m).Count;
}

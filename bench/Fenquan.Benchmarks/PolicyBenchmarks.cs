using BenchmarkDotNet.Attributes;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Benchmarks;

/// <summary>Targets (issue 2): routing one matter under 5 µs; verifying one unit's policy under 1 ms.</summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private readonly PolicyDocument _policy = DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default with { LawEnforcementEnabled = true });
    private readonly CountyBounds _bounds = CountyBounds.Default with { LawEnforcementEnabled = true };
    private PolicyRouter _router = null!;
    private MatterFacts _expense;
    private MatterFacts _catalogue;

    [GlobalSetup]
    public void Setup()
    {
        _router = PolicyRouter.Compile(_policy);
        _expense = new MatterFacts(Area.Finance, MatterKind.Expense, 4_200.50m, InitiatorKind.Staff, MatterFlags.None);
        _catalogue = new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, 12_000m, InitiatorKind.Section, MatterFlags.CatalogueItem);
    }

    [Benchmark(Description = "Route one finance expense")]
    public Result<Route> RouteExpense() => _router.Route(_expense);

    [Benchmark(Description = "Route one catalogue purchase")]
    public Result<Route> RouteCatalogue() => _router.Route(_catalogue);

    [Benchmark(Description = "Verify one unit's default policy")]
    public PolicyVerification Verify() => PolicyVerifier.Verify(_policy, _bounds);

    [Benchmark(Description = "Compile one unit's policy for routing")]
    public PolicyRouter Compile() => PolicyRouter.Compile(_policy);
}

using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Policy;

internal static class PolicyTestData
{
    public static UnitLimits Limits { get; } = new(3_000m, 2_000m, 5_000m);

    public static PolicyDocument Default { get; } = DefaultPolicy.Create(Limits, CountyBounds.Default);

    public static PolicyRouter Router { get; } = PolicyRouter.Compile(Default);

    public static decimal Yuan(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);

    public static string RouteOf(Area area, MatterKind kind, string amount, InitiatorKind initiator, MatterFlags flags = MatterFlags.None)
    {
        var result = Router.Route(new MatterFacts(area, kind, Yuan(amount), initiator, flags));
        Assert.True(result.IsOk, result.ToString());
        return result.Value.ToString();
    }

    /// <summary>A copy of the default policy with the rules named by id replaced (null: removed).</summary>
    public static PolicyDocument With(PolicyDocument policy, string id, PolicyRule? replacement) =>
        policy with
        {
            Rules = [.. policy.Rules.SelectMany(r => r.Id == id ? (replacement is null ? [] : new[] { replacement }) : new[] { r })],
        };

    public static PolicyRule RuleById(string id) => Default.Rules.Single(r => r.Id == id);

    public static Route Steps(params RouteStep[] steps) => new(steps, ["R40"]);

    public static RouteStep S(StepKind kind, ActorSpec actor, int? same = null) => new(kind, actor) { SameActorAs = same };
}

using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Policy;

// R19, R40, R41: a unit policy written before variation orders beyond the project's share of the
// contract went to a meeting is offered a new version with that rule; the old version is not changed.
public class PolicyUpgradeTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    // The default as it was before the share existed: variation rules by amount alone.
    private static PolicyDocument BeforeTheShare() =>
        DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default) is var policy
            ? policy with
            {
                Rules = [.. policy.Rules.Where(r => !r.RequiredFlags.HasFlag(MatterFlags.BeyondVariationShare)).Select(r => r with { ExcludedFlags = r.ExcludedFlags & ~MatterFlags.BeyondVariationShare })],
            }
            : throw new InvalidOperationException();

    private static MatterFacts BeyondShare(decimal amount) => new(Area.Construction, MatterKind.VariationOrder, amount, InitiatorKind.Section, MatterFlags.BeyondVariationShare);

    [Fact]
    [Trait("Rule", "R19")]
    [Trait("Rule", "R40")]
    public void APolicyFromBeforeTheShare_IsOfferedANewVersion_ThatSendsBeyondShareVariationsToAMeeting_AndVerifies()
    {
        var old = BeforeTheShare();
        var oldRoute = PolicyRouter.Compile(old).Route(BeyondShare(1_000m));
        Assert.True(oldRoute.IsOk && oldRoute.Value.Steps.All(s => s.Kind != StepKind.CollectiveDecision), "the old policy routes a beyond-share variation by amount alone");
        Assert.False(PolicyVerifier.Verify(old, CountyBounds.Default).IsValid);

        var upgraded = PolicyUpgrade.WithVariationShare(old, CountyBounds.Default, Today)!;

        Assert.Equal((old.Version + 1, Today, old.Limits), (upgraded.Version, upgraded.EffectiveFrom, upgraded.Limits));
        var verification = PolicyVerifier.Verify(upgraded, CountyBounds.Default);
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Contains(PolicyRouter.Compile(upgraded).Route(BeyondShare(1_000m)).Value.Steps, s => s.Kind == StepKind.CollectiveDecision);
        var within = PolicyRouter.Compile(upgraded).Route(BeyondShare(1_000m) with { Flags = MatterFlags.None }).Value;
        Assert.Equal(PolicyRouter.Compile(old).Route(BeyondShare(1_000m) with { Flags = MatterFlags.None }).Value.Steps, within.Steps); // everything else routes as before
        Assert.Equal(old.Rules.Count(r => r.Kind != MatterKind.VariationOrder), upgraded.Rules.Count(r => r.Kind != MatterKind.VariationOrder));
        Assert.DoesNotContain(old.Rules, r => r.RequiredFlags.HasFlag(MatterFlags.BeyondVariationShare)); // the version in force is left as it was
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void APolicyWithTheShare_NeedsNoUpgrade() =>
        Assert.Null(PolicyUpgrade.WithVariationShare(DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default), CountyBounds.Default, Today));
}

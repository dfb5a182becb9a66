using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.CountyChanges;

/// <summary>What a change of the county's bounds does to its units: refused, in force at once, or waiting for named units.</summary>
public class BoundsChangeTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CountyId County = CountyId.New();

    private static readonly Area[] Five = [Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval];

    /// <summary>A unit with S 4,000, P 2,000, C 5,000; its deputies hold the areas as given (deputy index per area).</summary>
    private static UnitStanding Unit(string name, int deputies = 2, int[]? holders = null, bool disciplineIsFirstDeputy = false, bool openLawEnforcement = false, UnitLimits? limits = null)
    {
        var unit = UnitId.New();
        var people = Enumerable.Range(0, deputies).Select(_ => PersonId.New()).ToList();
        var memberships = people.Select(p => new Membership(Guid.CreateVersion7(), County, unit, p, Role.Deputy, Today.AddYears(-1))).ToList();
        if (disciplineIsFirstDeputy)
        {
            memberships.Add(new Membership(Guid.CreateVersion7(), County, unit, people[0], Role.DisciplineMember, Today.AddYears(-1)));
        }

        holders ??= [0, 1, 1, 1, 1];
        var portfolios = Five.Select((area, i) => new PortfolioAssignment(Guid.CreateVersion7(), County, unit, area, people[holders[i]], Today.AddYears(-1))).ToList();
        var policy = DefaultPolicy.Create(limits ?? new UnitLimits(4_000m, 2_000m, 5_000m), CountyBounds.Default);
        return new UnitStanding(unit, name, policy, memberships, portfolios, openLawEnforcement);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void SmallExpenseRange_EndingAboveTheCollectiveLimit_IsRefusedUnderR4()
    {
        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { SmallExpenseMax = 8_000m }, [Unit("城关镇")], Today);

        Assert.Equal("R4.SmallExpenseAboveCollective", result.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void SmallExpenseRange_RunningBackwards_IsRefusedUnderR4()
    {
        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { SmallExpenseMin = 4_000m, SmallExpenseMax = 3_000m }, [], Today);

        Assert.Equal("R4.BoundsRange", result.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R16")]
    public void PurchaseRange_EndingAboveTheCollectiveLimit_IsRefusedUnderR16()
    {
        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { PurchaseMax = 6_000m }, [], Today);

        Assert.Equal("R16.PurchaseAboveCollective", result.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void CollectiveLimit_InFractionsOfAFen_IsRefusedUnderR5()
    {
        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { CollectiveLimit = 5_000.005m }, [], Today);

        Assert.Equal("R5.CollectiveNotWholeFen", result.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R2")]
    public void TurningOffTheSixthArea_WhileAUnitHasOpenLawEnforcementMatters_IsRefused_NamingTheUnit()
    {
        var on = CountyBounds.Default with { LawEnforcementEnabled = true };

        var result = BoundsChange.Check(on, CountyBounds.Default, [Unit("城关镇"), Unit("县公安局", openLawEnforcement: true)], Today);

        Assert.Equal("R2.OpenLawEnforcementMatters", result.Refusal!.Key);
        Assert.Contains("县公安局", result.Refusal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("城关镇", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R2")]
    public void TurningOnTheSixthArea_WaitsForEveryUnitWhosePolicyDoesNotRouteLawEnforcement()
    {
        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { LawEnforcementEnabled = true }, [Unit("城关镇")], Today);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(["城关镇"], result.Value.Select(u => u.Name));
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void ForbiddingOneDeputyHoldingAll_WhenAUnitHasOnlyOneDeputy_IsRefused_NamingTheUnit()
    {
        var single = Unit("县水利局", deputies: 1, holders: [0, 0, 0, 0, 0]);

        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { ForbidSingleDeputyHoldingAll = true }, [Unit("城关镇"), single], Today);

        Assert.Equal("R3.UnitCannotComply", result.Refusal!.Key);
        Assert.Contains("县水利局", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void ForbiddingOneDeputyHoldingAll_WaitsForTheUnitsWhereOneDoes()
    {
        var holdsAll = Unit("县教育局", deputies: 2, holders: [0, 0, 0, 0, 0]);

        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { ForbidSingleDeputyHoldingAll = true }, [Unit("城关镇"), holdsAll], Today);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(["县教育局"], result.Value.Select(u => u.Name));
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void ForbiddingTheDisciplineMemberAPortfolio_WaitsForTheUnitWhereTheyHoldOne()
    {
        var holding = Unit("县财政局", deputies: 3, holders: [0, 1, 1, 2, 2], disciplineIsFirstDeputy: true);

        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { ForbidDisciplineMemberPortfolio = true }, [Unit("城关镇"), holding], Today);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(["县财政局"], result.Value.Select(u => u.Name));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void NarrowingTheSmallExpenseRange_WaitsForTheUnitsWhoseLimitFallsOutside_Only()
    {
        var high = Unit("县卫健局", limits: new UnitLimits(4_500m, 2_000m, 5_000m));
        var low = Unit("城关镇", limits: new UnitLimits(2_500m, 2_000m, 5_000m));

        var result = BoundsChange.Check(CountyBounds.Default, CountyBounds.Default with { SmallExpenseMax = 3_000m }, [high, low], Today);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(["县卫健局"], result.Value.Select(u => u.Name));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void AUnitIsNotHeldToFailuresItsPolicyHadAlready()
    {
        // Outside the bounds in force already (a policy seeded before they narrowed): not this change's doing.
        var outside = Unit("县卫健局", limits: new UnitLimits(4_500m, 2_000m, 5_000m));
        var narrow = CountyBounds.Default with { SmallExpenseMax = 3_000m };

        Assert.True(BoundsChange.Complies(outside, narrow, narrow with { PurchaseMax = 4_000m }, Today));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AConfirmedChangeWaitingForUnits_IsNotInForce_UntilTheLastComplies()
    {
        var change = CountyChange.Propose(County, CountyChangeSubject.Bounds, null, CountyChangePayload.BoundsToJson(CountyBounds.Default), "收窄小额支出范围",
            new CountyOfficial("admin", "王强"), [], [PersonId.New()], Now).Value.Change;
        UnitId[] units = [UnitId.New(), UnitId.New()];

        Assert.True(change.Confirm(new CountyOfficial("admin2", "李静"), units, Now.AddMinutes(1)).IsOk);
        Assert.Equal(CountyChangeState.AwaitingUnits, change.State);
        Assert.Equal(units, change.WaitingFor);
        Assert.Null(CountyChange.InForce([change]));

        Assert.False(change.Recheck([units[1]], Now.AddDays(1)));
        Assert.Equal([units[1]], change.WaitingFor);
        Assert.True(change.Recheck([], Now.AddDays(2)));

        Assert.Equal(CountyChangeState.Confirmed, change.State);
        Assert.Empty(change.WaitingFor);
        Assert.Equal(Now.AddDays(2), change.TookEffectAt);
        Assert.Same(change, CountyChange.InForce([change]));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AChangeWaitingForUnits_CannotBeConfirmedAgain_AndALaterConfirmedOneSupersedesIt()
    {
        var admin = new CountyOfficial("admin", "王强");
        var admin2 = new CountyOfficial("admin2", "李静");
        var json = CountyChangePayload.BoundsToJson(CountyBounds.Default);
        var first = CountyChange.Propose(County, CountyChangeSubject.Bounds, null, json, "一", admin, [], [PersonId.New()], Now).Value.Change;
        Assert.True(first.Confirm(admin2, [UnitId.New()], Now).IsOk);
        var second = CountyChange.Propose(County, CountyChangeSubject.Bounds, null, json, "二", admin, [first], [PersonId.New()], Now).Value.Change;

        Assert.Equal("R40.ChangeAlreadyConfirmed", first.Confirm(admin, Now).Refusal!.Key);
        first.SupersedeWaiting(second, Now.AddMinutes(1));

        Assert.Equal(CountyChangeState.Superseded, first.State);
        Assert.False(first.Recheck([], Now.AddMinutes(2)));
    }
}

using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// County bounds under four eyes (R40) on SQLite and PostgreSQL: refused with the rule when no unit
// could meet them, and waiting, once confirmed, for the units whose policy or portfolios do not
// comply yet, until the last of them does, in the same ledgered unit of work.
public class BoundsChangeOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "李静");
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static async Task<CountyChange> ConfirmedAsync(TestCounty county, CountyBounds bounds, string summary)
    {
        await PolicyFlow.NameDisciplineInspectionAsync(county);
        var changes = new CountyChangeOperations(county.Database.Writer);
        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(bounds), summary, Admin);
        Assert.True(proposed.IsOk, proposed.ToString());
        var confirmed = await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2);
        Assert.True(confirmed.IsOk, confirmed.ToString());
        return confirmed.Value;
    }

    private static async Task<(CountyChange Change, CountyBounds Bounds)> ReloadAsync(TestCounty county, Guid change)
    {
        await using var db = county.Database.Context();
        return (await db.Set<CountyChange>().SingleAsync(c => c.Id == change), await db.Counties.Where(c => c.Id == county.County).Select(c => c.Bounds).SingleAsync());
    }

    [Theory]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NarrowedSmallExpenseRange_WaitsForTheUnitOutsideIt_AndTakesEffectWhenItPublishesACompliantVersion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database, smallLimit: 4_000m);
        var narrow = CountyBounds.Default with { SmallExpenseMax = 3_500m };

        var change = await ConfirmedAsync(county, narrow, "小额支出上限降为3500元");

        var (waiting, before) = await ReloadAsync(county, change.Id);
        Assert.Equal(CountyChangeState.AwaitingUnits, waiting.State);
        Assert.Equal([county.Unit], waiting.WaitingFor);
        Assert.Null(waiting.TookEffectAt);
        Assert.Equal(5_000m, before.SmallExpenseMax);

        // R40: while it waits, the unit's new version is held to the new bounds.
        var tooHigh = await county.Policies.ProposeAsync(county.County, county.Unit, new PolicyProposer(county["赵敏"], IsUnitAdministrator: true), "仍为4000",
            DefaultPolicy.Create(new UnitLimits(4_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: Today), Today);
        Assert.False(tooHigh.IsOk);

        await PolicyFlow.PublishAsync(county, DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), narrow, effectiveFrom: Today));

        var (inForce, after) = await ReloadAsync(county, change.Id);
        Assert.Equal(CountyChangeState.Confirmed, inForce.State);
        Assert.Empty(inForce.WaitingFor);
        Assert.NotNull(inForce.TookEffectAt);
        Assert.Equal(3_500m, after.SmallExpenseMax);
        await using var db = database.Context();
        var kinds = await db.LedgerEntries.Where(e => e.SubjectId == change.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["county-change.proposed", "county-change.confirmed", "policy.county_approved"], kinds);
    }

    [Theory]
    [Trait("Rule", "R3")]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForbiddingOneDeputyHoldingAll_WaitsForTheUnitWhereOneDoes_AndTakesEffectWhenAnAreaIsReassigned(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        foreach (var area in new[] { Area.Finance, Area.Procurement, Area.Construction })
        {
            var assigned = await county.Organization.AssignPortfolioAsync(new AssignPortfolio(county.County, county.Unit, area, county["刘洋"], Today));
            Assert.True(assigned.IsOk, assigned.ToString());
        }

        var change = await ConfirmedAsync(county, CountyBounds.Default with { ForbidSingleDeputyHoldingAll = true }, "禁止一名副职分管全部领域");
        var (waiting, before) = await ReloadAsync(county, change.Id);
        Assert.Equal(CountyChangeState.AwaitingUnits, waiting.State);
        Assert.False(before.ForbidSingleDeputyHoldingAll);

        var back = await county.Organization.AssignPortfolioAsync(new AssignPortfolio(county.County, county.Unit, Area.Finance, county["张伟"], Today.AddDays(1)));
        Assert.True(back.IsOk, back.ToString());

        var (inForce, after) = await ReloadAsync(county, change.Id);
        Assert.Equal(CountyChangeState.Confirmed, inForce.State);
        Assert.True(after.ForbidSingleDeputyHoldingAll);
    }

    [Theory]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R3")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BoundsNoUnitCouldMeet_AreRefusedWithTheirRule_AndNothingIsProposed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await PolicyFlow.NameDisciplineInspectionAsync(county);
        var changes = new CountyChangeOperations(database.Writer);

        var purchase = await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(CountyBounds.Default with { PurchaseMax = 6_000m }), "采购上限6000", Admin);
        var inspection = await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(CountyBounds.Default with { ForbidDisciplineMemberPortfolio = true, ForbidSingleDeputyHoldingAll = true }), "两项开关", Admin);
        var compliant = await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(CountyBounds.Default with { ForbidSingleDeputyHoldingAll = true }), "一项开关", Admin);

        Assert.Equal("R16.PurchaseAboveCollective", purchase.Refusal!.Key);
        Assert.True(inspection.IsOk, inspection.ToString()); // 城关镇 has four deputies and the discipline member holds nothing: nothing to wait for
        Assert.True(compliant.IsOk, compliant.ToString());
        await using var db = database.Context();
        Assert.Equal(2, await db.Set<CountyChange>().CountAsync(c => c.CountyId == county.County && c.Subject == CountyChangeSubject.Bounds));
        var confirmed = await changes.ConfirmAsync(county.County, compliant.Value.Id, Admin2);
        Assert.Equal(CountyChangeState.Confirmed, confirmed.Value.State);
    }
}

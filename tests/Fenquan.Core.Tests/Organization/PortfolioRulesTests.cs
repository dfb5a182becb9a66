using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Organization;

[Trait("Rule", "R3")]
public class PortfolioRulesTests
{
    private static Result<PortfolioChange> Assign(TestOrg org, Area area, string person, DateOnly? from = null) =>
        PortfolioRules.Assign(new AssignPortfolio(org.County, org.Unit, area, org[person], from ?? new DateOnly(2025, 1, 1)), org.Assignments, org.Memberships, org.Bounds, org.View().NameOf);

    [Fact]
    public void Assign_ToPrincipal_IsRefused()
    {
        var org = TestOrg.Township();
        var result = Assign(org, Area.Finance, "张建国");
        Assert.False(result.IsOk);
        Assert.Equal("R3", result.Refusal!.RuleId);
        Assert.Contains("张建国", result.Refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("principal", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEligibleDeputies_AreTheDeputies_WithoutPrincipalsStaffOrAForbiddenDisciplineMember()
    {
        var org = TestOrg.Township().With("钱进", Role.DisciplineMember).With("钱进", Role.Deputy).With("冯华", Role.Deputy, from: new DateOnly(2025, 6, 1));
        var on = new DateOnly(2025, 3, 1);
        string[] Names(Core.Organization.CountyBounds bounds) =>
            [.. PortfolioRules.EligibleDeputies(org.Unit, on, org.Memberships, bounds).Select(org.View().NameOf).Order(StringComparer.Ordinal)];

        Assert.Equal(new[] { "王志强", "刘海燕", "陈明", "杨伟", "赵丽", "黄涛" }.Order(StringComparer.Ordinal), Names(org.Bounds with { ForbidDisciplineMemberPortfolio = true }));
        Assert.Contains("钱进", Names(org.Bounds with { ForbidDisciplineMemberPortfolio = false }));

        // Everyone offered is someone the assignment accepts, and everyone else of the unit is refused with R3.
        foreach (var person in org.Memberships.Select(m => m.PersonId).Distinct())
        {
            var offered = PortfolioRules.EligibleDeputies(org.Unit, on, org.Memberships, org.Bounds).Contains(person);
            var assigned = PortfolioRules.CheckAssignment(new PortfolioAssignment(Guid.CreateVersion7(), org.County, org.Unit, Area.Finance, person, on), [], org.Memberships, org.Bounds);
            Assert.Equal(offered, assigned.IsOk);
            Assert.True(assigned.IsOk || assigned.Refusal!.RuleId == "R3");
        }
    }

    [Fact]
    public void Assign_ToNonDeputy_IsRefused()
    {
        var org = TestOrg.Township();
        var result = Assign(org, Area.Finance, "孙磊");
        Assert.Equal("R3", result.Refusal?.RuleId);
        Assert.Contains("not a deputy", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_ToPersonWhoBecomesDeputyOnlyLater_IsRefused()
    {
        var org = new TestOrg().With("钱进", Role.Staff).With("钱进", Role.Deputy, from: new DateOnly(2025, 6, 1));
        Assert.False(Assign(org, Area.Finance, "钱进", new DateOnly(2025, 1, 1)).IsOk);
        Assert.True(Assign(org, Area.Finance, "钱进", new DateOnly(2025, 6, 1)).IsOk);
    }

    [Fact]
    public void Assign_SecondDeputyForArea_ReplacesTheFirst_HistoryKept()
    {
        var org = TestOrg.Township();
        var old = org.Assignments.Single(a => a.Area == Area.Finance);
        var change = Assign(org, Area.Finance, "黄涛", new DateOnly(2025, 4, 1));

        Assert.True(change.IsOk, change.ToString());
        Assert.Same(old, change.Value.Ended);
        Assert.Equal(new DateOnly(2025, 4, 1), old.Until);
        Assert.Equal(org["黄涛"], change.Value.Assigned.DeputyId);
        Assert.Null(change.Value.Assigned.Until);
    }

    [Fact]
    public void WhoWasInChargeOfFinance_IsAnsweredFromHistory_AcrossAChange()
    {
        var org = TestOrg.Township().InCharge(Area.Finance, "黄涛", new DateOnly(2025, 4, 1));
        var view = org.View();

        Assert.Equal(org["王志强"], view.DeputyInCharge(org.Unit, Area.Finance, new DateOnly(2025, 3, 31)));
        Assert.Equal(org["黄涛"], view.DeputyInCharge(org.Unit, Area.Finance, new DateOnly(2025, 4, 1)));
        Assert.Equal(org["王志强"], view.DeputyInCharge(org.Unit, Area.Finance, new DateOnly(2024, 1, 1)));
        Assert.Null(view.DeputyInCharge(org.Unit, Area.Finance, new DateOnly(2023, 12, 31)));
        Assert.Equal(2, org.Assignments.Count(a => a.Area == Area.Finance));
    }

    [Fact]
    public void Assign_SameDeputyAgain_IsRefused()
    {
        var org = TestOrg.Township();
        Assert.Contains("already in charge", Assign(org, Area.Finance, "王志强").Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_OverlappingAScheduledAssignment_IsRefused()
    {
        var org = TestOrg.Township().InCharge(Area.Finance, "黄涛", new DateOnly(2025, 6, 1));
        var result = Assign(org, Area.Finance, "陈明", new DateOnly(2025, 3, 1));
        Assert.Equal("R3", result.Refusal?.RuleId);
        Assert.Contains("exactly one deputy", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_LastAreaToDeputyHoldingAllOthers_IsRefused_WhenCountyForbidsIt()
    {
        var org = new TestOrg()
            .WithBounds(CountyBounds.Default with { ForbidSingleDeputyHoldingAll = true })
            .With("张建国", Role.Principal).With("王志强", Role.Deputy).With("刘海燕", Role.Deputy)
            .InCharge(Area.Finance, "王志强").InCharge(Area.Personnel, "王志强")
            .InCharge(Area.Procurement, "王志强").InCharge(Area.Construction, "王志强");

        var result = Assign(org, Area.AdministrativeApproval, "王志强");
        Assert.Equal("R3", result.Refusal?.RuleId);
        Assert.Contains("every restricted area", result.Refusal!.Reason, StringComparison.Ordinal);
        Assert.True(Assign(org, Area.AdministrativeApproval, "刘海燕").IsOk);
    }

    [Fact]
    public void Assign_AllAreasToOneDeputy_IsAllowed_WhenCountyDoesNotForbidIt()
    {
        var org = new TestOrg()
            .With("张建国", Role.Principal).With("王志强", Role.Deputy)
            .InCharge(Area.Finance, "王志强").InCharge(Area.Personnel, "王志强")
            .InCharge(Area.Procurement, "王志强").InCharge(Area.Construction, "王志强");
        Assert.True(Assign(org, Area.AdministrativeApproval, "王志强").IsOk);
    }

    [Fact]
    public void Assign_ToDisciplineMember_IsRefused_WhenCountyForbidsIt()
    {
        var org = new TestOrg().With("马俊", Role.Deputy).With("马俊", Role.DisciplineMember);
        Assert.True(Assign(org, Area.Finance, "马俊").IsOk);

        org.WithBounds(CountyBounds.Default with { ForbidDisciplineMemberPortfolio = true });
        var result = Assign(org, Area.Finance, "马俊");
        Assert.Equal("R3", result.Refusal?.RuleId);
        Assert.Contains("discipline", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_LawEnforcement_IsRefused_UnlessTheCountyEnablesIt()
    {
        var org = TestOrg.Township();
        Assert.Equal("R3", Assign(org, Area.LawEnforcement, "黄涛").Refusal?.RuleId);

        org.WithBounds(CountyBounds.Default with { LawEnforcementEnabled = true });
        Assert.True(Assign(org, Area.LawEnforcement, "黄涛").IsOk);
    }

    [Fact]
    public void Gaps_ListTheAreasWithNoDeputyInCharge()
    {
        var org = new TestOrg().With("王志强", Role.Deputy).InCharge(Area.Finance, "王志强");
        var gaps = PortfolioRules.Gaps(org.Unit, new DateOnly(2025, 1, 1), org.View(), org.Bounds);
        Assert.Equal([Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval], gaps);

        var township = TestOrg.Township();
        Assert.Empty(PortfolioRules.Gaps(township.Unit, TestOrg.MatterDay, township.View(), township.Bounds));
    }
}

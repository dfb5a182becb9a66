using Fenquan.Core.Organization;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Organization;

[Trait("Rule", "R1")]
public class TeamRulesTests
{
    private static Membership Principal(TestOrg org, DateOnly from, DateOnly? until = null) =>
        new(Guid.CreateVersion7(), org.County, org.Unit, Fenquan.Core.Primitives.PersonId.New(), Role.Principal, from, until);

    [Fact]
    public void AddPrincipal_Third_IsRefused()
    {
        var org = TestOrg.Township();
        var result = TeamRules.CheckMembership(Principal(org, new DateOnly(2025, 1, 1)), org.Memberships, org.View().NameOf);
        Assert.False(result.IsOk);
        Assert.Equal("R1", result.Refusal!.RuleId);
        Assert.Contains("张建国", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrincipal_Second_IsAllowed()
    {
        var org = new TestOrg().With("张建国", Role.Principal);
        Assert.True(TeamRules.CheckMembership(Principal(org, new DateOnly(2025, 1, 1)), org.Memberships).IsOk);
    }

    [Fact]
    public void AddPrincipal_AfterOneLeft_IsAllowed_ButNotOverlappingTheirTime()
    {
        var org = new TestOrg().With("张建国", Role.Principal).With("李秀英", Role.Principal, until: new DateOnly(2025, 1, 1));
        Assert.True(TeamRules.CheckMembership(Principal(org, new DateOnly(2025, 1, 1)), org.Memberships).IsOk);
        Assert.False(TeamRules.CheckMembership(Principal(org, new DateOnly(2024, 12, 31)), org.Memberships).IsOk);
    }

    [Fact]
    public void AddPrincipal_ThirdOnlyWhenAScheduledPrincipalStarts_IsRefused()
    {
        var org = new TestOrg().With("张建国", Role.Principal).With("李秀英", Role.Principal, from: new DateOnly(2025, 6, 1));
        var result = TeamRules.CheckMembership(Principal(org, new DateOnly(2025, 1, 1)), org.Memberships);
        Assert.Contains("2025-06-01", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Membership_EndingBeforeItStarts_IsRefused()
    {
        var org = new TestOrg();
        Assert.Equal("R1", TeamRules.CheckMembership(Principal(org, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)), []).Refusal?.RuleId);
    }

    [Fact]
    public void Membership_PrincipalWhoIsAlsoDeputy_IsRefused()
    {
        var org = new TestOrg().With("王志强", Role.Deputy);
        var proposed = new Membership(Guid.CreateVersion7(), org.County, org.Unit, org["王志强"], Role.Principal, new DateOnly(2025, 1, 1));
        Assert.False(TeamRules.CheckMembership(proposed, org.Memberships).IsOk);
    }

    [Fact]
    public void CheckPrincipals_UnitWithoutPrincipal_IsRefused()
    {
        var org = new TestOrg().With("王志强", Role.Deputy);
        Assert.Equal("R1", TeamRules.CheckPrincipals(org.Unit, TestOrg.MatterDay, org.View()).Refusal?.RuleId);
        var township = TestOrg.Township();
        Assert.True(TeamRules.CheckPrincipals(township.Unit, TestOrg.MatterDay, township.View()).IsOk);
    }
}

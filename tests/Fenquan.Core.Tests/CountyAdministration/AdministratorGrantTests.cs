using Fenquan.Core.CountyAdministration;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.CountyAdministration;

public class AdministratorGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CountyId County = CountyId.New();
    private static readonly CountyOfficial First = new("first", "县管理员 王强");
    private static readonly CountyOfficial Second = new("second", "县管理员 李静");
    private static readonly CountyOfficial Clerk = new("clerk", "办事员 张三");

    private static Result<AdministratorGrant> Propose(CountyOfficial by, AdministratorChangeKind kind, string account, string[] administrators, params AdministratorGrant[] pending) =>
        AdministratorGrant.Propose(County, kind, account, null, by, administrators, pending, Now);

    [Fact]
    [Trait("Rule", "R40")]
    public void Grant_ByTheOnlyAdministrator_TakesEffectAtOnce_AndSaysItWasABootstrap()
    {
        var grant = Propose(First, AdministratorChangeKind.Grant, "second", ["first"]).Value;

        Assert.Equal(AdministratorGrantState.Confirmed, grant.State);
        Assert.True(grant.Bootstrap);
        Assert.Equal("first", grant.ConfirmedBy);
        Assert.Equal(Now, grant.ConfirmedAt);
        Assert.Equal(["first", "second"], AdministratorGrant.Administrators(["first"], [grant]).Order());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Grant_WithTwoAdministrators_IsPending_UntilADifferentOneConfirms()
    {
        var grant = Propose(First, AdministratorChangeKind.Grant, "third", ["first", "second"]).Value;
        Assert.Equal(AdministratorGrantState.Pending, grant.State);
        Assert.False(grant.Bootstrap);
        Assert.Equal(["first", "second"], AdministratorGrant.Administrators(["first", "second"], [grant]).Order());

        var own = grant.Confirm(new CountyOfficial("FIRST", "王强"), ["first", "second"], Now.AddMinutes(1));
        Assert.Equal("R40.AdministratorProposerCannotConfirm", own.Refusal!.Key);
        Assert.Equal(AdministratorGrantState.Pending, grant.State);

        Assert.True(grant.Confirm(Second, ["first", "second"], Now.AddMinutes(2)).IsOk);
        Assert.Equal(AdministratorGrantState.Confirmed, grant.State);
        Assert.Equal("second", grant.ConfirmedBy);
        Assert.Equal(["first", "second", "third"], AdministratorGrant.Administrators(["first", "second"], [grant]).Order());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Propose_OrConfirm_ByAnyoneButAnAdministrator_IsRefused()
    {
        Assert.Equal("R40.CountyOfficialsOnly", Propose(Clerk, AdministratorChangeKind.Grant, "clerk", ["first"]).Refusal!.Key);

        var grant = Propose(First, AdministratorChangeKind.Grant, "third", ["first", "second"]).Value;
        Assert.Equal("R40.CountyOfficialsOnly", grant.Confirm(Clerk, ["first", "second"], Now).Refusal!.Key);
        Assert.Equal(AdministratorGrantState.Pending, grant.State);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Grant_ToAnAdministrator_IsRefused()
    {
        var refused = Propose(First, AdministratorChangeKind.Grant, "Second", ["first", "second"]);

        Assert.Equal("R40.AlreadyAdministrator", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Propose_WhileAChangeOfTheSameAccountIsPending_IsRefused()
    {
        var pending = Propose(First, AdministratorChangeKind.Grant, "third", ["first", "second"]).Value;

        var again = Propose(Second, AdministratorChangeKind.Grant, "THIRD", ["first", "second"], pending);

        Assert.Equal("R40.AdministratorChangePending", again.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Revoke_TheLastAdministrator_IsRefused()
    {
        Assert.Equal("R40.LastAdministrator", Propose(First, AdministratorChangeKind.Revoke, "first", ["first"]).Refusal!.Key);
        Assert.Equal("R40.NotAnAdministrator", Propose(First, AdministratorChangeKind.Revoke, "clerk", ["first", "second"]).Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Revoke_IsPending_UntilADifferentAdministratorConfirms_AndNeverRemovesTheLastOne()
    {
        var revoke = Propose(First, AdministratorChangeKind.Revoke, "second", ["first", "second"]).Value;
        Assert.Equal(AdministratorGrantState.Pending, revoke.State);
        Assert.Equal("R40.AdministratorProposerCannotConfirm", revoke.Confirm(First, ["first", "second"], Now).Refusal!.Key);

        // Meanwhile the first administrator was revoked another way: confirming would leave nobody.
        Assert.Equal("R40.LastAdministrator", revoke.Confirm(Second, ["second"], Now).Refusal!.Key);

        Assert.True(revoke.Confirm(Second, ["first", "second"], Now.AddMinutes(1)).IsOk);
        Assert.Equal(["first"], AdministratorGrant.Administrators(["first", "second"], [revoke]));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Withdraw_ByItsProposerOnly_ThenItCannotBeConfirmed()
    {
        var grant = Propose(First, AdministratorChangeKind.Grant, "third", ["first", "second"]).Value;

        Assert.Equal("R40.AdministratorOnlyProposerWithdraws", grant.Withdraw(Second, Now).Refusal!.Key);
        Assert.True(grant.Withdraw(First, Now).IsOk);

        Assert.Equal(AdministratorGrantState.Withdrawn, grant.State);
        Assert.Equal("R40.AdministratorChangeWithdrawn", grant.Confirm(Second, ["first", "second"], Now).Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Confirm_Twice_IsRefused()
    {
        var grant = Propose(First, AdministratorChangeKind.Grant, "third", ["first", "second"]).Value;
        Assert.True(grant.Confirm(Second, ["first", "second"], Now).IsOk);

        Assert.Equal("R40.AdministratorChangeConfirmed", grant.Confirm(Second, ["first", "second", "third"], Now).Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R29")]
    public void TheDisciplineInspection_IsToldOfProposalAndEffect()
    {
        var inspector = PersonId.New();
        var grant = Propose(First, AdministratorChangeKind.Grant, "second", ["first"]).Value;

        var proposed = AdministratorNotices.Proposed(grant, [inspector], Now);
        var confirmed = AdministratorNotices.Confirmed(grant, [inspector, inspector], Now);

        Assert.Equal(NotificationKind.AdministratorChangeProposed, Assert.Single(proposed).Kind);
        var notice = Assert.Single(confirmed);
        Assert.Equal(inspector, notice.RecipientId);
        Assert.Equal(["Grant", "second"], notice.TextArgs.Take(2));
        Assert.Equal(AdministratorNotices.BootstrapMark, notice.TextArgs[3]);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void OnlyAdministrators_SeeTheAdministrators()
    {
        Assert.Null(AdministratorAccess.MaySee("FIRST", ["first"]));
        Assert.Equal("R40.CountyOfficialsOnly", AdministratorAccess.MaySee("clerk", ["first"])!.Key);
    }
}

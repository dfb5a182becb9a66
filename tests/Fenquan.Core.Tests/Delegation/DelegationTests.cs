using Fenquan.Core.Delegation;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Core.Tests.Delegation;

// 代理: a delegation never lets anyone act where the rules forbid them.
public class DelegationTests
{
    private static readonly DateTimeOffset Created = TestOrg.Now.AddDays(-1);
    private readonly TestOrg _org = TestOrg.Township().With("钱纪", Role.DisciplineMember).With("冯丹", Role.OfficeReviewer);

    private Result<DelegationRow> TryDelegate(string from, string to, Role role = Role.Deputy, Area[]? areas = null, DateTimeOffset? start = null, DateTimeOffset? until = null) =>
        DelegationRow.Create(new CreateDelegation(_org.County, _org.Unit, _org[from], _org[to], role, areas ?? [], start ?? Created, until ?? Created.AddDays(7)), _org.View(), Created);

    private DelegationRow Delegate(string from, string to, Role role = Role.Deputy, Area[]? areas = null)
    {
        var result = TryDelegate(from, to, role, areas);
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    private Result<MatterAction> ActFor(Matter matter, string actor, string onBehalfOf, ActionKind kind, IEnumerable<DelegationRow> delegations, DateTimeOffset? at = null) =>
        matter.Act(new ActRequest(_org[actor], kind, "代签", null, _org[onBehalfOf]), _org.View(), new DelegationSet(delegations), at ?? TestOrg.Now.AddHours(1));

    private Matter StaffExpense(Fenquan.Core.Policy.Route? route = null, Payee? payee = null)
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, route ?? TestRoutes.SmallExpense, payee);
        _org.Done(matter, "周敏", ActionKind.Review);
        return matter;
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void FinanceDeputyDelegatesToAnotherDeputy_WhoApprovesAStaffExpense_AndTheActionRecordsOnWhoseBehalf()
    {
        var delegation = Delegate("王志强", "黄涛");
        var matter = StaffExpense();

        var approved = ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation]);

        Assert.True(approved.IsOk, approved.ToString());
        Assert.Equal(_org["黄涛"], approved.Value.ActorId);
        Assert.Equal(_org["王志强"], approved.Value.OnBehalfOf);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal([Area.Finance], DelegationRow.Create(new CreateDelegation(_org.County, _org.Unit, _org["王志强"], _org["黄涛"], Role.Deputy, [Area.Finance, Area.Finance], Created, Created.AddDays(1)), _org.View(), Created).Value.Areas);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void DelegationToAPrincipal_IsRefusedNamingR4()
    {
        var refused = TryDelegate("王志强", "张建国");

        Assert.Equal("R4", refused.Refusal!.RuleId);
        Assert.Contains("五不直接分管", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void PrincipalActingForTheFinanceDeputy_IsRefusedAtActionTime_NamingR4()
    {
        var matter = StaffExpense();
        // A delegation row that slipped past creation (say, the delegate became a principal later).
        var forged = Delegate("王志强", "黄涛");

        var refused = ActFor(matter, "张建国", "王志强", ActionKind.Approve, [forged]);

        Assert.Equal("R4", refused.Refusal!.RuleId);
        Assert.Contains("五不直接分管", refused.Refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(MatterState.Pending, matter.State);
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void DelegationOfAPortfolio_ToTheDisciplineMemberOrToStaff_IsRefusedNamingR3()
    {
        Assert.Equal("R3", TryDelegate("王志强", "钱纪").Refusal!.RuleId);
        Assert.Equal("R3", TryDelegate("王志强", "孙磊").Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void DelegateWhoInitiatedTheMatter_IsRefusedNamingR6()
    {
        var delegation = Delegate("王志强", "黄涛");
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "黄涛", InitiatorKind.Deputy, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);

        var refused = ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation]);

        Assert.Equal("R6", refused.Refusal!.RuleId);
        Assert.Contains("initiated", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void DelegateActingForSomeoneTheMatterPays_IsRefusedNamingR6()
    {
        var delegation = Delegate("王志强", "黄涛");
        var matter = StaffExpense(payee: Payee.Person(_org["王志强"], "王志强"));

        Assert.Equal("R6", ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation]).Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void ExpiredDelegation_DoesNotCount()
    {
        var delegation = Delegate("王志强", "黄涛");
        var matter = StaffExpense();

        var refused = ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation], at: Created.AddDays(7));

        Assert.Equal("R7", refused.Refusal!.RuleId);
        Assert.Equal(MatterState.Pending, matter.State);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void RevokedDelegation_DoesNotCount()
    {
        var delegation = Delegate("王志强", "黄涛");
        Assert.True(delegation.Revoke(_org["王志强"], TestOrg.Now).IsOk);
        var matter = StaffExpense();

        Assert.Equal("R7", ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation]).Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void DelegationFromSomeoneElse_OrForAnotherArea_DoesNotCount()
    {
        var fromProcurement = Delegate("陈明", "黄涛");
        var onlyConstruction = Delegate("王志强", "黄涛", areas: [Area.Construction]);
        var matter = StaffExpense();

        Assert.Equal("R4", ActFor(matter, "黄涛", "陈明", ActionKind.Approve, [fromProcurement]).Refusal!.RuleId);
        Assert.Equal("R7", ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [fromProcurement, onlyConstruction]).Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void NobodyActsOnTwoStepsOfARoute_ThroughADelegation()
    {
        var delegation = Delegate("王志强", "黄涛");
        var matter = StaffExpense(TestRoutes.CountersignedExpense);
        Assert.True(ActFor(matter, "黄涛", "王志强", ActionKind.Approve, [delegation]).IsOk);

        var delegatorCountersigns = _org.Act(matter, "王志强", ActionKind.Countersign);
        var delegateCountersigns = _org.Act(matter, "黄涛", ActionKind.Countersign);

        Assert.Equal("R7", delegatorCountersigns.Refusal!.RuleId);
        Assert.Equal("R7", delegateCountersigns.Refusal!.RuleId);
        Assert.True(_org.Act(matter, "刘海燕", ActionKind.Countersign).IsOk);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void OfficeReviewer_DelegatesOnlyToAnotherOfficeReviewer()
    {
        var delegation = Delegate("周敏", "冯丹", Role.OfficeReviewer);
        Assert.Equal("R7", TryDelegate("周敏", "孙磊", Role.OfficeReviewer).Refusal!.RuleId);
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);

        var reviewed = ActFor(matter, "冯丹", "周敏", ActionKind.Review, [delegation]);

        Assert.True(reviewed.IsOk, reviewed.ToString());
        Assert.Equal(_org["周敏"], reviewed.Value.OnBehalfOf);
    }

    [Fact]
    public void Period_MustBeValid()
    {
        // Each keyed, so the page words it in the reader's language (RefusalResource), not the core's English.
        Assert.Equal("Invalid.DelegationEndsBeforeStart", TryDelegate("王志强", "黄涛", until: Created).Refusal!.Key);
        Assert.Equal("Invalid.DelegationEndsInPast", TryDelegate("王志强", "黄涛", start: Created.AddDays(-10), until: Created.AddDays(-2)).Refusal!.Key);
        var tooLong = TryDelegate("王志强", "黄涛", until: Created.AddDays(91)).Refusal!;
        Assert.Equal(("Invalid.DelegationTooLong", "90"), (tooLong.Key, tooLong.Argument("days")));
        Assert.Equal("Invalid.DelegateSelf", TryDelegate("王志强", "王志强").Refusal!.Key);
    }

    [Fact]
    public void OnlyARoleOneHolds_CanBeDelegated() =>
        Assert.Equal("R7", TryDelegate("孙磊", "郑芳", Role.OfficeReviewer).Refusal!.RuleId);
}

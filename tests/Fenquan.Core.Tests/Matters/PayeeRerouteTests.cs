using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Matters;

/// <summary>
/// R6: a route whose deciding step would fall to the payee, or to a declared relative of the payee,
/// goes to the next authority up at submission — another principal, else the team — and never waits
/// for someone who may not act on it.
/// </summary>
[Trait("Rule", "R6")]
public class PayeeRerouteTests
{
    private readonly TestOrg _org = TestOrg.Township();

    private Route Reroute(Route route, string payee, params string[] relatives) =>
        PayeeReroute.Apply(route, _org.Unit, Area.Finance, Payee.Person(_org[payee], payee), [.. relatives.Select(r => _org[r])], _org.View(), TestOrg.MatterDay);

    [Fact]
    public void AStaffExpensePayingTheFinanceDeputy_GoesToAPrincipal_AndIsNotStuck()
    {
        var route = Reroute(TestRoutes.SmallExpense, "王志强");
        Assert.Equal("Review(Office) → Approve(Principal) [R6: instead of DeputyInCharge]", route.ToString());
        Assert.Contains("R6", route.Rules);

        var matter = _org.Submit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, route, Payee.Person(_org["王志强"], "王志强"));
        _org.Done(matter, "周敏", ActionKind.Review);
        Assert.Equal([_org["张建国"], _org["李秀英"]], matter.WhoMayActNow(_org.View()).OrderBy(p => p == _org["李秀英"]));
        Assert.False(_org.Act(matter, "王志强", ActionKind.Approve).IsOk);
        _org.Done(matter, "张建国", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    public void AnExpensePayingADeclaredRelativeOfTheDeputy_GoesToAPrincipal()
    {
        var route = Reroute(TestRoutes.SmallExpense, "孙磊", "王志强");
        Assert.Equal(ActorKind.Principal, route.Steps[1].Actor.Kind);
        Assert.Equal(ActorKind.DeputyInCharge, route.Steps[1].ReroutedFrom!.Kind);
    }

    [Fact]
    public void WhenNoPrincipalIsFree_TheTeamDecides()
    {
        // A deputy's own expense goes to a principal (R6); it pays 张建国, whose colleague 李秀英 is a declared relative.
        var route = Reroute(TestRoutes.DeputyOwnExpense, "张建国", "李秀英");
        Assert.Equal(StepKind.CollectiveDecision, route.Steps[^1].Kind);
        Assert.Equal(ActorKind.Team, route.Steps[^1].Actor.Kind);
        Assert.Equal(ActorKind.Principal, route.Steps[^1].ReroutedFrom!.Kind);
    }

    [Fact]
    public void AMatterPayingNobodyInterested_KeepsItsRoute()
    {
        Assert.Same(TestRoutes.SmallExpense, Reroute(TestRoutes.SmallExpense, "孙磊"));
        Assert.Same(TestRoutes.SmallExpense, PayeeReroute.Apply(TestRoutes.SmallExpense, _org.Unit, Area.Finance, Payee.Counterparty(CounterpartyId.New(), "清河县文具店"), [], _org.View(), TestOrg.MatterDay));
    }

    [Fact]
    public void ADeclaredRelativeOfThePayee_DoesNotActOnTheMatter_EvenWhereTheRouteKeepsTheStep()
    {
        // A deputy's own expense goes to a principal (R6); it pays 孙磊, a declared relative of 张建国:
        // 李秀英 is free, so the route keeps its principal step, and 张建国 is refused at action time.
        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "代垫费用", 900m, Payee.Person(_org["孙磊"], "孙磊"), _org["黄涛"], InitiatorKind.Deputy, MatterFlags.None, TestOrg.MatterDay)
        {
            PayeeRelatives = [_org["张建国"]],
        };
        var route = Reroute(TestRoutes.DeputyOwnExpense, "孙磊", "张建国");
        Assert.Same(TestRoutes.DeputyOwnExpense, route);
        var matter = Matter.Submit(command, route, PolicyVersionId.New(), _org.View(), TestOrg.Now).Value;
        _org.Done(matter, "周敏", ActionKind.Review);

        var refused = _org.Act(matter, "张建国", ActionKind.Approve);
        Assert.Equal("R6.PayeeRelativeActs", refused.Refusal?.Key);
        Assert.Equal([_org["李秀英"]], matter.WhoMayActNow(_org.View()));
        _org.Done(matter, "李秀英", ActionKind.Approve);
    }

    [Fact]
    public void ACompanyTheFinanceDeputyDeclaredATieTo_IsPaidOnlyByAPrincipal()
    {
        // 王志强's spouse runs the supplier: he declared the tie, so the matter paying it goes to a
        // principal at submission, and he may not act on it at all.
        var supplier = Payee.Counterparty(CounterpartyId.New(), "县城电脑科技有限公司");
        var route = PayeeReroute.Apply(TestRoutes.SmallExpense, _org.Unit, Area.Finance, supplier, [_org["王志强"]], _org.View(), TestOrg.MatterDay);
        Assert.Equal("Review(Office) → Approve(Principal) [R6: instead of DeputyInCharge]", route.ToString());

        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "电脑维修费", 800m, supplier, _org["孙磊"], InitiatorKind.Staff, MatterFlags.None, TestOrg.MatterDay)
        {
            PayeeRelatives = [_org["王志强"]],
        };
        var matter = Matter.Submit(command, route, PolicyVersionId.New(), _org.View(), TestOrg.Now).Value;
        Assert.Equal("R6.PayeeTieActs", _org.Act(matter, "王志强", ActionKind.Review).Refusal?.Key);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "张建国", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    public void APayeeByBareName_IsRefused_SoWhoIsPaidIsAlwaysDefinite()
    {
        var refused = _org.TrySubmit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, Payee.Named("某某公司"));
        Assert.Equal("R6.PayeeNotRegistered", refused.Refusal?.Key);
        Assert.Equal("某某公司", refused.Refusal?.Argument("name"));

        var both = _org.TrySubmit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, new Payee(_org["王志强"], "王志强", CounterpartyId.New()));
        Assert.True(both.Refusal?.RuleId == Refusal.InvalidId);

        Assert.True(_org.TrySubmit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, Payee.Counterparty(CounterpartyId.New(), "某某公司")).IsOk);
        Assert.True(_org.TrySubmit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, Payee.None).IsOk);
    }

    [Fact]
    public void AnEditToABareName_IsRefused()
    {
        var matter = _org.Submit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, Payee.Counterparty(CounterpartyId.New(), "某某公司"));
        var edited = matter.Edit(new EditMatter(_org["孙磊"], NewPayee: Payee.Named("另一家公司")), TestRoutes.SmallExpense, TestOrg.Now);
        Assert.Equal("R6.PayeeNotRegistered", edited.Refusal?.Key);
        Assert.Equal("某某公司", matter.Payee.Name);
    }
}

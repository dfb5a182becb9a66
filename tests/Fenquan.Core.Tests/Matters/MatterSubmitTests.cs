using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Matters;

public class MatterSubmitTests
{
    private readonly TestOrg _org = TestOrg.Township();

    [Fact]
    [Trait("Rule", "R41")]
    public void FrozenRoute_IsUnchanged_WhenNewMattersUseADifferentRoute()
    {
        var v1 = PolicyVersionId.New();
        var v2 = PolicyVersionId.New();
        var first = _org.Submit(MatterKind.Expense, 4_500m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, policy: v1);

        // The unit lowers its small-expense limit: the same amount now takes the countersigned route.
        var second = _org.Submit(MatterKind.Expense, 4_500m, "郑芳", InitiatorKind.Staff, TestRoutes.CountersignedExpense, policy: v2);

        Assert.Equal(TestRoutes.SmallExpense, first.Route);
        Assert.Equal(v1, first.PolicyVersionId);
        Assert.Equal(TestRoutes.CountersignedExpense, second.Route);

        _org.Done(first, "周敏", ActionKind.Review);
        _org.Done(first, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, first.State);
        Assert.Equal(MatterState.Pending, second.State);
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void Submit_ByAPersonOutsideTheUnitOnTheMattersDate_IsRefused()
    {
        var org = TestOrg.Township().With("何平", Role.Staff, from: new DateOnly(2025, 6, 1));
        var result = org.TrySubmit(MatterKind.Expense, 100m, "何平", InitiatorKind.Staff, TestRoutes.SmallExpense);
        Assert.Equal("R1", result.Refusal?.RuleId);
    }

    [Theory]
    [Trait("Rule", "R6")]
    [InlineData("王志强", InitiatorKind.Staff)]
    [InlineData("张建国", InitiatorKind.Staff)]
    [InlineData("张建国", InitiatorKind.Deputy)]
    [InlineData("孙磊", InitiatorKind.Principal)]
    [InlineData("孙磊", InitiatorKind.Deputy)]
    [InlineData("孙磊", InitiatorKind.Section)]
    public void Submit_WithAnInitiatorKindNotMatchingTheRole_IsRefused(string initiator, InitiatorKind kind)
    {
        var result = _org.TrySubmit(MatterKind.Expense, 100m, initiator, kind, TestRoutes.SmallExpense);
        Assert.Equal("R6", result.Refusal?.RuleId);
    }

    [Theory]
    [InlineData(MatterKind.Expense, "0")]
    [InlineData(MatterKind.Expense, "-5")]
    [InlineData(MatterKind.Expense, "10.001")]
    [InlineData(MatterKind.Promotion, "100")]
    public void Submit_WithAnAmountBreakingTheAmountRules_IsRefused(MatterKind kind, string amount)
    {
        var result = _org.TrySubmit(kind, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "刘海燕", InitiatorKind.Deputy, TestRoutes.TransferIn);
        Assert.False(result.IsOk);
    }

    [Fact]
    public void Submit_PersonnelMatter_WithNoAmount_IsAccepted()
    {
        Assert.True(_org.TrySubmit(MatterKind.Promotion, 0m, "刘海燕", InitiatorKind.Deputy, TestRoutes.TransferIn).IsOk);
    }

    [Fact]
    public void Submit_WithEmptyTitle_IsRefused() =>
        Assert.False(_org.TrySubmit(MatterKind.Expense, 100m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, title: "  ").IsOk);

    [Fact]
    [Trait("Rule", "R40")]
    public void Submit_OnAnEmptyRoute_IsRefused() =>
        Assert.Equal("R40", _org.TrySubmit(MatterKind.Expense, 100m, "孙磊", InitiatorKind.Staff, new Route([], [])).Refusal?.RuleId);

    [Fact]
    public void Submit_TakesAreaFromKind_AndExposesFactsForRouting()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 900m, "吴斌", InitiatorKind.Section, TestRoutes.PurchaseAboveCollective);
        Assert.Equal(Area.Procurement, matter.Area);
        Assert.Equal(new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, 900m, InitiatorKind.Section, MatterFlags.None), matter.Facts);
        Assert.Equal(TestOrg.Now, matter.SubmittedAt);
    }
}

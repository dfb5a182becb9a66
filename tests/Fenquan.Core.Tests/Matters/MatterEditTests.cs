using Fenquan.Core.Matters;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Matters;

[Trait("Rule", "R42")]
public class MatterEditTests
{
    private readonly TestOrg _org = TestOrg.Township();

    private Matter ApprovedExpense(decimal amount = 3_000m)
    {
        var matter = _org.Submit(MatterKind.Expense, amount, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
        return matter;
    }

    [Fact]
    public void ApprovedMatter_EditedWithAmountUp_GoesBackToPendingInRoundTwoAtStepZero()
    {
        var matter = ApprovedExpense();
        var change = matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 4_500m), TestRoutes.CountersignedExpense, TestOrg.Now.AddDays(2));

        Assert.True(change.IsOk, change.ToString());
        Assert.True(change.Value.Material);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Equal(2, matter.Round);
        Assert.Equal(0, matter.CurrentStepIndex);
        Assert.Equal(TestRoutes.CountersignedExpense, matter.Route);
        Assert.Equal(4_500m, matter.Amount);
        Assert.Equal(2, matter.Actions.Count);
        Assert.Equal((3_000m, 4_500m, 1, 2), (change.Value.OldAmount, change.Value.NewAmount, change.Value.RoundBefore, change.Value.RoundAfter));
    }

    [Fact]
    public void ApprovedMatter_WithPayeeChanged_GoesBackThroughApproval()
    {
        var matter = ApprovedExpense();
        var change = matter.Edit(new EditMatter(_org["孙磊"], NewPayee: Payee.Person(_org["郑芳"], "郑芳")), TestRoutes.SmallExpense, TestOrg.Now);

        Assert.True(change.Value.Material);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Equal(2, matter.Round);
    }

    [Fact]
    public void ApprovedMatter_WithAmountDown_StaysApproved()
    {
        var matter = ApprovedExpense();
        var change = matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 2_800m, NewTitle: "差旅费报销（更正）"), TestRoutes.SmallExpense, TestOrg.Now);

        Assert.False(change.Value.Material);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal(1, matter.Round);
        Assert.Equal(2_800m, matter.Amount);
    }

    [Fact]
    public void PendingMatter_MaterialEdit_RestartsAtStepZero_AndEarlierActionsDoNotCount()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        Assert.True(matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 3_500m), TestRoutes.SmallExpense, TestOrg.Now).IsOk);

        Assert.Equal(0, matter.CurrentStepIndex);
        Assert.Equal([_org["周敏"]], matter.WhoMayActNow(_org.View()));
    }

    [Fact]
    public void Edit_ByAnyoneButTheInitiator_IsRefused()
    {
        var matter = ApprovedExpense();
        var result = matter.Edit(new EditMatter(_org["王志强"], NewAmount: 9_000m), TestRoutes.SmallExpense, TestOrg.Now);
        Assert.Equal("R42", result.Refusal?.RuleId);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    public void Edit_OfAWithdrawnMatter_IsRefused()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        Assert.True(matter.Withdraw(_org["孙磊"], TestOrg.Now).IsOk);
        Assert.Equal("R42", matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 1m), TestRoutes.SmallExpense, TestOrg.Now).Refusal?.RuleId);
    }

    [Fact]
    public void Edit_ThatChangesNothing_IsRefused()
    {
        var matter = ApprovedExpense();
        Assert.False(matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 3_000m), TestRoutes.SmallExpense, TestOrg.Now).IsOk);
    }

    [Fact]
    public void MaterialEdit_OntoAnEmptyRoute_IsRefused_AndChangesNothing()
    {
        var matter = ApprovedExpense();
        var result = matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 4_000m), new Route([], []), TestOrg.Now);
        Assert.Equal("R40", result.Refusal?.RuleId);
        Assert.Equal((MatterState.Approved, 3_000m, 1), (matter.State, matter.Amount, matter.Round));
    }
}

using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Flags;

// R47: a flag never blocks; the approver sees it and clears it with a written reason. The submitter
// never clears a flag on their own matter, and nobody else but whoever may act on the matter now.
public class RedFlagTests
{
    private static readonly Route SmallPurchase = new([new(StepKind.Propose, ActorSpec.Of(Role.SectionHead)), new(StepKind.Approve, ActorSpec.DeputyInCharge)], ["R16"]);

    private readonly TestOrg _org = TestOrg.Township().With("纪检员", Role.DisciplineMember);

    private (Matter Matter, RedFlag Flag) FlaggedPurchase()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 1_800m, "吴斌", InitiatorKind.Section, SmallPurchase, TestOrg.Company("某某文具店"));
        _org.Done(matter, "吴斌", ActionKind.Propose);
        return (matter, RedFlag.Raise(matter, new FlagFinding(RedFlagKind.ThresholdHugging, 2_000m, 1_800m), TestOrg.Now));
    }

    private Outcome Clear(Matter matter, RedFlag flag, string by, string? reason) => flag.Clear(matter, _org[by], reason, _org.View(), TestOrg.Now.AddHours(2));

    [Fact]
    [Trait("Rule", "R47")]
    public void TheApprover_ClearsAFlag_WithAWrittenReason()
    {
        var (matter, flag) = FlaggedPurchase();

        Assert.True(Clear(matter, flag, "陈明", "  比价三家，单价合理  ").IsOk);

        Assert.True(flag.IsCleared);
        Assert.Equal((_org["陈明"], "比价三家，单价合理", TestOrg.Now.AddHours(2)), (flag.ClearedBy!.Value, flag.ClearReason!, flag.ClearedAt!.Value));
        Assert.Equal(MatterState.Pending, matter.State); // the flag never blocked anything
        AssertRefused(Clear(matter, flag, "陈明", "again"), "R47", "cleared once");
    }

    [Theory]
    [Trait("Rule", "R47")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ClearingWithoutAReason_IsRefused(string? reason)
    {
        var (matter, flag) = FlaggedPurchase();

        var refused = Clear(matter, flag, "陈明", reason);

        AssertRefused(refused, "R47", "only with a written reason");
        Assert.Equal("R47.ClearReasonRequired", refused.Refusal!.Key);
        Assert.False(flag.IsCleared);
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void TheSubmitter_AndAnyoneWhoMayNotActNow_MayNotClear()
    {
        var (matter, flag) = FlaggedPurchase();

        Assert.Equal("R47.SubmitterClearsFlag", Clear(matter, flag, "吴斌", "我保证").Refusal!.Key);
        Assert.Equal("R47.MayNotClearFlag", Clear(matter, flag, "张建国", "理由").Refusal!.Key); // a principal: not this step's
        Assert.Equal("R47.MayNotClearFlag", Clear(matter, flag, "王志强", "理由").Refusal!.Key); // the finance deputy
        Assert.Equal("R47.MayNotClearFlag", Clear(matter, flag, "纪检员", "理由").Refusal!.Key); // a person's step still waits
        Assert.False(flag.IsCleared);
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void OnceDecided_TheUnitsDisciplineMemberClears_NotTheApprover()
    {
        var (matter, flag) = FlaggedPurchase();
        _org.Done(matter, "陈明", ActionKind.Approve);

        Assert.Equal("R47.MayNotClearFlag", Clear(matter, flag, "陈明", "理由").Refusal!.Key);
        Assert.True(Clear(matter, flag, "纪检员", "已核实，非拆分").IsOk);
    }

    [Theory]
    [Trait("Rule", "R47")]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void FastApproval_WithinAMinuteOfSubmission(int seconds, bool flagged)
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 800m, "吴斌", InitiatorKind.Section, SmallPurchase, TestOrg.Company("某某文具店"));
        _org.Done(matter, "吴斌", ActionKind.Propose);
        _org.Done(matter, "陈明", ActionKind.Approve);

        var finding = FlagChecks.FastApproval(matter, matter.SubmittedAt.AddSeconds(seconds), FlagSettings.Default);

        Assert.Equal(flagged, finding is not null);
        Assert.Null(FlagChecks.FastApproval(_org.Submit(MatterKind.PurchasePlan, 800m, "吴斌", InitiatorKind.Section, SmallPurchase), TestOrg.Now, FlagSettings.Default)); // not approved
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void ASplitPurchaseFlag_NamesTheOtherMatters()
    {
        var (matter, _) = FlaggedPurchase();
        var others = new[] { MatterId.New(), MatterId.New() };

        var flag = RedFlag.Raise(matter, new FlagFinding(RedFlagKind.SplitPurchase, 2_000m, 5_400m, SplitBasis.Supplier) { Related = others }, TestOrg.Now);

        Assert.Equal(others, flag.RelatedMatters);
        Assert.Equal((matter.Id, matter.UnitId, SplitBasis.Supplier), (flag.MatterId, flag.UnitId, flag.Basis!.Value));
    }
}

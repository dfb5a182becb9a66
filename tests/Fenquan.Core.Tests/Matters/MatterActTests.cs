using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Matters;

public class MatterActTests
{
    private readonly TestOrg _org = TestOrg.Township();

    private readonly Meetings.MeetingFixture _meetings;

    public MatterActTests() => _meetings = new Meetings.MeetingFixture(_org);

    private static readonly PolicyRouter Default = PolicyRouter.Compile(DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default));

    /// <summary>A matter the section head 吴斌 submits, on the route the default policy gives it.</summary>
    private Matter SubmitOnTheDefaultRoute(Area area, MatterKind kind, decimal amount, Payee payee) =>
        _org.Submit(kind, amount, "吴斌", InitiatorKind.Section, Default.Route(new MatterFacts(area, kind, amount, InitiatorKind.Section, MatterFlags.None)).Value, payee);

    private static void AssertRefused<T>(Result<T> result, string rule, string? says = null)
    {
        Assert.False(result.IsOk, "expected a refusal");
        Assert.Equal(rule, result.Refusal!.RuleId);
        if (says is not null)
        {
            Assert.Contains(says, result.Refusal.Reason, StringComparison.Ordinal);
        }
    }

    private Matter StaffExpense(decimal amount = 3_000m, Route? route = null, Payee? payee = null) =>
        _org.Submit(MatterKind.Expense, amount, "孙磊", InitiatorKind.Staff, route ?? TestRoutes.SmallExpense, payee);

    [Fact]
    [Trait("Rule", "R4")]
    public void Expense3000_OfficeReviewThenFinanceDeputyApprove_IsApproved()
    {
        var matter = StaffExpense();
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Equal(0, matter.CurrentStepIndex);

        _org.Done(matter, "周敏", ActionKind.Review);
        Assert.Equal(1, matter.CurrentStepIndex);
        Assert.Equal(MatterState.Pending, matter.State);

        _org.Done(matter, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Null(matter.CurrentStep);
        Assert.Equal([ActionKind.Review, ActionKind.Approve], matter.Actions.Select(a => a.Kind));
        Assert.All(matter.Actions, a => Assert.Equal(1, a.Round));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void Approve_PrincipalOnFinanceMatter_IsRefused()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Review);

        var result = _org.Act(matter, "张建国", ActionKind.Approve);

        AssertRefused(result, "R4", "五不直接分管");
        Assert.Contains("王志强", result.Refusal!.Reason, StringComparison.Ordinal);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Single(matter.Actions);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void Approve_OtherDeputyOnFinanceMatter_IsRefused()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Review);
        AssertRefused(_org.Act(matter, "陈明", ActionKind.Approve), "R4", "王志强 was");
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void Review_ByNonOffice_IsRefused()
    {
        var matter = StaffExpense();
        AssertRefused(_org.Act(matter, "郑芳", ActionKind.Review), "R4", "office");
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void DeputyOwnExpense_TheDeputyCannotApproveIt()
    {
        var matter = _org.Submit(MatterKind.Expense, 800m, "陈明", InitiatorKind.Deputy, TestRoutes.DeputyOwnExpense);
        _org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(_org.Act(matter, "陈明", ActionKind.Approve), "R6", "initiated");
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void FinanceDeputyOwnExpense_OnADeputyRoute_IsRefusedAsOwnMatter_NotAsMissingRole()
    {
        // Even on a wrong route where the finance deputy holds the step's role, the conflict wins (STYLE habit 5).
        var matter = _org.Submit(MatterKind.Expense, 800m, "王志强", InitiatorKind.Deputy, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(_org.Act(matter, "王志强", ActionKind.Approve), "R6");
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void DeputyOwnExpense_PrincipalApprovesAfterOfficeReview()
    {
        var matter = _org.Submit(MatterKind.Expense, 800m, "陈明", InitiatorKind.Deputy, TestRoutes.DeputyOwnExpense);
        AssertRefused(_org.Act(matter, "李秀英", ActionKind.Approve), "R7");

        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "李秀英", ActionKind.Approve);

        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void Approve_ByThePayee_IsRefused()
    {
        // The handler claims a reimbursement that pays the finance deputy.
        var matter = StaffExpense(payee: Payee.Person(_org["王志强"], "王志强"));
        _org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(_org.Act(matter, "王志强", ActionKind.Approve), "R6", "pays them");
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void PrincipalOwnExpense_FinanceDeputyApproves_ThenTeamIsInformed()
    {
        var matter = _org.Submit(MatterKind.Expense, 1_200m, "张建国", InitiatorKind.Principal, TestRoutes.PrincipalOwnExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        AssertRefused(_org.Act(matter, "张建国", ActionKind.Approve), "R6");
        _org.Done(matter, "王志强", ActionKind.Approve);

        // R43: nobody records by hand that the team was informed; the team hears it in a meeting.
        AssertRefused(_org.Act(matter, "周敏", ActionKind.InformTeam, "班子会〔2025〕3号"), "R43", "recorded meeting");
        AssertRefused(_org.Act(matter, "李秀英", ActionKind.InformTeam, "班子会〔2025〕3号"), "R43");
        var meeting = _meetings.NoteInMeeting(matter);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal((ActionKind.InformTeam, _org["周敏"]), (matter.Actions[^1].Kind, matter.Actions[^1].ActorId));
        Assert.StartsWith($"meeting:{meeting.Id}#", matter.Actions[^1].ExternalReference, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void Approve_BeforeTheOfficeReview_IsRefused()
    {
        var matter = StaffExpense();
        var result = _org.Act(matter, "王志强", ActionKind.Approve);
        AssertRefused(result, "R7", "no step can be skipped");
        Assert.Empty(matter.Actions);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void ReviewAndApprove_BySamePerson_IsRefused()
    {
        var matter = StaffExpense(route: TestRoutes.SameDeputyTwice);
        _org.Done(matter, "王志强", ActionKind.Review);
        AssertRefused(_org.Act(matter, "王志强", ActionKind.Approve), "R7", "two steps");
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void Countersign_ByTheApprovingDeputy_IsRefused_ByAnotherTeamMember_Completes()
    {
        var matter = StaffExpense(4_500m, TestRoutes.CountersignedExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);

        AssertRefused(_org.Act(matter, "王志强", ActionKind.Countersign), "R7");
        AssertRefused(_org.Act(matter, "周敏", ActionKind.Countersign), "R7", "already acted");
        AssertRefused(_org.Act(matter, "郑芳", ActionKind.Countersign), "R4", "team member");
        _org.Done(matter, "刘海燕", ActionKind.Countersign);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R17")]
    public void PurchaseAboveCollective_DeputyReviewsAndApprovesAroundThePrincipalsConsent()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 8_000m, "吴斌", InitiatorKind.Section, TestRoutes.PurchaseAboveCollective, TestOrg.Company("县城办公用品公司"));
        _org.Done(matter, "吴斌", ActionKind.Propose);
        _org.Done(matter, "陈明", ActionKind.Review);
        AssertRefused(_org.Act(matter, "陈明", ActionKind.Approve), "R7", "Consent");
        _org.Done(matter, "李秀英", ActionKind.Consent);
        _org.Done(matter, "陈明", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R11")]
    [Trait("Rule", "R14")]
    [Trait("Rule", "R43")]
    public void TransferIn_IsDecidedOnlyInAMeeting_NeverByOnePersonWithAReference()
    {
        var matter = _org.Submit(MatterKind.TransferIn, 0m, "吴斌", InitiatorKind.Section, TestRoutes.TransferIn, Payee.None);
        _org.Done(matter, "刘海燕", ActionKind.Propose);
        _org.Done(matter, "周敏", ActionKind.Assess);

        foreach (var name in new[] { "张建国", "李秀英", "周敏", "黄涛", "刘海燕" })
        {
            AssertRefused(_org.Act(matter, name, ActionKind.Approve), "R43");
            AssertRefused(_org.Act(matter, name, ActionKind.RecordCollectiveDecision), "R43", "recorded meeting");
            AssertRefused(_org.Act(matter, name, ActionKind.RecordCollectiveDecision, "班子会〔2025〕7号"), "R43", "cannot");
            AssertRefused(_org.Act(matter, name, ActionKind.Reject, "班子会〔2025〕7号"), "R43");
            AssertRefused(_org.Act(matter, name, ActionKind.Return, "班子会〔2025〕7号"), "R43");
        }

        Assert.Equal(MatterState.Pending, matter.State);
        var meeting = _meetings.DecideInMeeting(matter);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.StartsWith($"meeting:{meeting.Id}#", matter.Actions[^1].ExternalReference, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R18")]
    public void CatalogueItem_HandOffNeedsItsExternalReference()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 120_000m, "吴斌", InitiatorKind.Section, TestRoutes.CatalogueItem, Payee.None);
        _org.Done(matter, "吴斌", ActionKind.Propose);
        _org.Done(matter, "陈明", ActionKind.Review);
        _meetings.DecideInMeeting(matter);

        AssertRefused(_org.Act(matter, "陈明", ActionKind.HandOff), "R18", "reference");
        AssertRefused(_org.Act(matter, "陈明", ActionKind.Reject), "R7", "decides nothing");
        AssertRefused(_org.Act(matter, "孙磊", ActionKind.HandOff, "区采购中心 2025-0031"), "R18");
        _org.Done(matter, "陈明", ActionKind.HandOff, "区采购中心 2025-0031");
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R22")]
    public void ContractorChoice_IsApprovedOnlyWhenTheOfficeHasPublishedTheTender()
    {
        var matter = SubmitOnTheDefaultRoute(Area.Construction, MatterKind.ContractorChoice, 1_200_000m, Payee.None);
        _org.Done(matter, "杨伟", ActionKind.Review);
        _meetings.DecideInMeeting(matter);
        _org.Done(matter, "周敏", ActionKind.HandOff, "区公共资源交易中心 QH-2025-0412");
        Assert.Equal(MatterState.Pending, matter.State);

        AssertRefused(_org.Act(matter, "周敏", ActionKind.RecordPublicNotice), "R22", "published");
        AssertRefused(_org.Act(matter, "周敏", ActionKind.RecordPublicNotice, "   "), "R22");
        AssertRefused(_org.Act(matter, "吴斌", ActionKind.RecordPublicNotice, "政务公开网 2025-05-06 至 2025-05-11"), "R6");
        _org.Done(matter, "周敏", ActionKind.RecordPublicNotice, "政务公开网 2025-05-06 至 2025-05-11");
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R12")]
    public void Promotion_IsApprovedOnlyWhenItsPublicNoticeNamesWhereAndHowLong()
    {
        var matter = SubmitOnTheDefaultRoute(Area.Personnel, MatterKind.Promotion, 0m, Payee.None);
        _org.Done(matter, "刘海燕", ActionKind.Propose);
        _org.Done(matter, "周敏", ActionKind.Assess);
        _meetings.DecideInMeeting(matter);

        AssertRefused(_org.Act(matter, "周敏", ActionKind.RecordPublicNotice), "R12", "public notice");
        _org.Done(matter, "周敏", ActionKind.RecordPublicNotice, "任前公示 2025-05-06 至 2025-05-11");
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R3")]
    public void TheDayOfSubmission_DecidesWhoActs_NotTheMattersOwnEarlierDate()
    {
        // 黄涛 takes over finance on 3-11; the expense was incurred on 3-10 and submitted on 3-12.
        var org = TestOrg.Township().InCharge(Area.Finance, "黄涛", new DateOnly(2025, 3, 11));
        var matter = org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, matterDate: new DateOnly(2025, 3, 10));
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)), (matter.OccurredOn, matter.SubmittedOn));
        org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(org.Act(matter, "王志强", ActionKind.Approve), "R4", "黄涛 was");
        org.Done(matter, "黄涛", ActionKind.Approve);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void ASubmissionDayOtherThanToday_OrAMatterDateAfterIt_IsRefused()
    {
        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "差旅费报销", 300m, Payee.Person(_org["孙磊"], "孙磊"), _org["孙磊"], InitiatorKind.Staff, MatterFlags.None, TestOrg.MatterDay);
        AssertRefused(Matter.Submit(command with { SubmittedOn = new DateOnly(2025, 2, 1) }, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), TestOrg.Now), "R40", "submitted on the day");
        AssertRefused(Matter.Submit(command with { OccurredOn = new DateOnly(2025, 3, 20) }, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), TestOrg.Now), "R4", "after the day");
        Assert.True(Matter.Submit(command with { SubmittedOn = new DateOnly(2025, 3, 12) }, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), TestOrg.Now).IsOk);
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void RolesAreCheckedOnTheDayOfSubmission_ADeputyInChargeFromALaterDateCannotApprove()
    {
        var org = TestOrg.Township().InCharge(Area.Finance, "黄涛", new DateOnly(2025, 4, 1));
        var matter = org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, matterDate: new DateOnly(2025, 3, 10));
        org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(org.Act(matter, "黄涛", ActionKind.Approve), "R4", "王志强 was");
        org.Done(matter, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    public void Reject_OnADecidingStep_IsFinal()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Reject);
        Assert.Equal(MatterState.Rejected, matter.State);
        AssertRefused(_org.Act(matter, "王志强", ActionKind.Approve), "R7", "Rejected");
        AssertRefused(matter.Edit(new EditMatter(_org["孙磊"], NewTitle: "改"), TestRoutes.SmallExpense, TestOrg.Now), "R42", "final");
    }

    [Fact]
    public void Reject_ByAnActorNotEligibleForTheStep_IsRefused()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Review);
        AssertRefused(_org.Act(matter, "张建国", ActionKind.Reject), "R4");
    }

    [Fact]
    public void Return_ThenResubmit_StartsRoundTwoAtStepZero()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Return);
        Assert.Equal(MatterState.Returned, matter.State);
        Assert.Empty(matter.WhoMayActNow(_org.View()));

        Assert.True(matter.Edit(new EditMatter(_org["孙磊"], NewAmount: 2_600m), TestRoutes.SmallExpense, TestOrg.Now).IsOk);
        Assert.Equal(MatterState.Returned, matter.State);
        AssertRefused(matter.Resubmit(_org["郑芳"], TestRoutes.SmallExpense, TestOrg.Now), "R42");

        var change = matter.Resubmit(_org["孙磊"], TestRoutes.SmallExpense, TestOrg.Now);
        Assert.True(change.IsOk, change.ToString());
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Equal(2, matter.Round);
        Assert.Equal(0, matter.CurrentStepIndex);

        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal([1, 1, 2, 2], matter.Actions.Select(a => a.Round));
    }

    [Fact]
    public void Withdraw_OnlyByTheInitiator_ThenNothingMoreHappens()
    {
        var matter = StaffExpense();
        AssertRefused(matter.Withdraw(_org["周敏"], TestOrg.Now), "R42");
        Assert.True(matter.Withdraw(_org["孙磊"], TestOrg.Now).IsOk);
        Assert.Equal(MatterState.Withdrawn, matter.State);
        AssertRefused(_org.Act(matter, "周敏", ActionKind.Review), "R7", "Withdrawn");
        Assert.Single(matter.Changes);
    }

    [Fact]
    public void WhoMayActNow_IsTheOfficeThenTheFinanceDeputy()
    {
        var matter = StaffExpense();
        var view = _org.View();
        Assert.Equal([_org["周敏"]], matter.WhoMayActNow(view));

        _org.Done(matter, "周敏", ActionKind.Review);
        Assert.Equal([_org["王志强"]], matter.WhoMayActNow(view));
        Assert.True(matter.IsWaitingFor(_org["王志强"], view));
        Assert.False(matter.IsWaitingFor(_org["张建国"], view));
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void WhoMayActNow_OnACollectiveDecision_IsNobody_TheTeamDecidesInAMeeting()
    {
        var matter = _org.Submit(MatterKind.Expense, 9_000m, "张建国", InitiatorKind.Principal, TestRoutes.CollectiveExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Review);
        Assert.Empty(matter.WhoMayActNow(_org.View()));
        Assert.True(matter.WaitsForTeam);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void Initiator_MayProposeButNotRejectOnTheProposeStep()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 8_000m, "吴斌", InitiatorKind.Section, TestRoutes.PurchaseAboveCollective, TestOrg.Company("县城办公用品公司"));
        AssertRefused(_org.Act(matter, "吴斌", ActionKind.Reject), "R6");
        _org.Done(matter, "吴斌", ActionKind.Propose);
        AssertRefused(_org.Act(matter, "吴斌", ActionKind.Review), "R6");
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void ACollectiveDecision_IsNotRejectedOrReturnedByOnePerson()
    {
        var matter = _org.Submit(MatterKind.Expense, 9_000m, "孙磊", InitiatorKind.Staff, TestRoutes.CollectiveExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Review);
        AssertRefused(_org.Act(matter, "张建国", ActionKind.Reject), "R43");
        AssertRefused(_org.Act(matter, "张建国", ActionKind.Reject, "班子会〔2025〕3号"), "R43");
        AssertRefused(_org.Act(matter, "周敏", ActionKind.Return, "班子会〔2025〕3号"), "R43");
        Assert.Equal(MatterState.Pending, matter.State);
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

[Trait("Rule", "R43")]
public class BindingTests
{
    private readonly MeetingFixture _f = new();

    [Fact]
    public void AnApprovedItem_BindsOnlyWithTheLastSignature_WithTheMeetingReferenceAndTheDecidedTerms()
    {
        var matter = _f.CollectiveExpense();
        var (meeting, item) = _f.ApprovedMeeting(matter);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Null(meeting.OutcomeOf(item.Id)!.MatterActionId);

        var minutes = meeting.DrawUpMinutes(MeetingAt.AddHours(2)).Value;
        var signers = minutes.Content.RequiredSigners;
        foreach (var signer in signers.Take(signers.Count - 1))
        {
            Assert.True(meeting.SignMinutes(minutes.Id, signer, null, _ => matter, MeetingAt.AddHours(3)).IsOk);
            Assert.Equal(MatterState.Pending, matter.State);
            Assert.True(meeting.HoldsOpenItemFor(matter.Id));
            Assert.Empty(AgendaQueue.Waiting(_f.Org.Unit, [matter], [meeting]));
        }

        Assert.True(meeting.SignMinutes(minutes.Id, signers[^1], "保留意见：建议压缩开支", _ => matter, MeetingAt.AddHours(4)).IsOk);
        Assert.Equal(MeetingState.Bound, meeting.State);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal("保留意见：建议压缩开支", minutes.Signatures[^1].Objection);
        var action = matter.Actions[^1];
        Assert.Equal((ActionKind.RecordCollectiveDecision, meeting.ReferenceOf(item)), (action.Kind, action.ExternalReference));
        Assert.Equal(action.Id, meeting.OutcomeOf(item.Id)!.MatterActionId);
        Assert.Equal((12_000m, matter.Payee, meeting.ReferenceOf(item)), (matter.DecidedTerms!.Amount, matter.DecidedTerms.Payee, matter.DecidedTerms.MeetingReference));
    }

    [Fact]
    public void PaymentAboveTheDecidedAmount_IsRefused()
    {
        var matter = _f.CollectiveExpense();
        _f.DecideInMeeting(matter);

        Assert.True(matter.CheckExecution(12_000m, matter.Payee).IsOk);
        AssertRefused(matter.CheckExecution(12_000.01m, matter.Payee), "R43", "exceeds the 12,000.00 the meeting decided");
    }

    [Fact]
    public void PayeeChangeAfterTheDecision_IsRefused()
    {
        var matter = _f.CollectiveExpense();
        _f.DecideInMeeting(matter);

        AssertRefused(matter.CheckExecution(12_000m, TestOrg.Company("某某商贸有限公司")), "R43", "not 某某商贸有限公司");
        var edit = matter.Edit(new EditMatter(_f["孙磊"], NewPayee: TestOrg.Company("某某商贸有限公司")), TestRoutes.CollectiveExpense, MeetingAt.AddDays(1));
        AssertRefused(edit, "R43", "needs a new collective decision");
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal(1, matter.Round);
    }

    [Fact]
    public void AnEditRaisingTheAmountAfterTheDecision_IsRefusedNotRerouted()
    {
        var matter = _f.CollectiveExpense();
        _f.DecideInMeeting(matter);

        AssertRefused(matter.Edit(new EditMatter(_f["孙磊"], NewAmount: 15_000m), TestRoutes.CollectiveExpense, MeetingAt.AddDays(1)), "R43", "new collective decision");
        Assert.Equal((MatterState.Approved, 1, 12_000m), (matter.State, matter.Round, matter.Amount));
        Assert.True(matter.Edit(new EditMatter(_f["孙磊"], NewAmount: 11_500m), TestRoutes.CollectiveExpense, MeetingAt.AddDays(1)).IsOk);
    }

    [Fact]
    public void ApprovingALowerAmount_BindsTheLowerAmount()
    {
        var matter = _f.CollectiveExpense();
        var (meeting, item) = _f.ApprovedMeeting(matter, 10_000m);
        _f.SignAll(meeting, matter);

        Assert.Equal(10_000m, meeting.OutcomeOf(item.Id)!.DecidedAmount);
        Assert.Equal(10_000m, matter.DecidedTerms!.Amount);
        Assert.True(matter.CheckExecution(10_000m, matter.Payee).IsOk);
        AssertRefused(matter.CheckExecution(12_000m, matter.Payee), "R43", "10,000.00");
        AssertRefused(matter.Edit(new EditMatter(_f["孙磊"], NewAmount: 11_000m), TestRoutes.CollectiveExpense, MeetingAt.AddDays(1)), "R43");
    }

    [Fact]
    public void ApprovingAHigherAmountThanProposed_IsRefused()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        foreach (var name in Team)
        {
            _f.Said(meeting, item, name);
        }

        AssertRefused(_f.Approve(meeting, item, matter, 13_000m), "R43", "never 13,000.00");
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Null(meeting.OutcomeOf(item.Id));
    }

    [Fact]
    public void AMatterEditedBeforeTheMinutesAreSigned_IsNotBound_AndGoesBackToTheQueue()
    {
        var matter = _f.CollectiveExpense();
        var (meeting, item) = _f.ApprovedMeeting(matter);
        var edited = matter.Edit(new EditMatter(_f["孙磊"], NewPayee: TestOrg.Company("清河县鑫达办公设备有限公司")), TestRoutes.CollectiveExpense, MeetingAt.AddHours(1));
        Assert.True(edited.IsOk, edited.Refusal?.ToString());
        _f.Org.Done(matter, "周敏", ActionKind.Review);
        _f.Org.Done(matter, "王志强", ActionKind.Review);

        _f.SignAll(meeting, matter);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Null(matter.DecidedTerms);
        Assert.Null(meeting.OutcomeOf(item.Id)!.MatterActionId);
        Assert.Equal([matter], AgendaQueue.Waiting(_f.Org.Unit, [matter], [meeting]));
    }

    [Fact]
    public void ARejectedItem_RejectsTheMatter()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        foreach (var name in Team)
        {
            _f.Said(meeting, item, name, OpinionKind.Disagree);
        }

        Assert.True(_f.Reject(meeting, item, matter).IsOk);
        Assert.Equal(MatterState.Pending, matter.State);
        _f.SignAll(meeting, matter);
        Assert.Equal(MatterState.Rejected, matter.State);
        AssertRefused(matter.CheckExecution(1m, matter.Payee), "R7");
    }

    [Fact]
    public void TheInitiatorCannotRecordTheDecisionOnTheirOwnMatter()
    {
        // 李秀英 (a principal) claims her own expense above the collective limit; she is recused
        // and cannot be the one who records the outcome on the matter.
        var matter = _f.CollectiveExpense(initiator: "李秀英", kind: InitiatorKind.Principal);
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        foreach (var name in Team.Where(n => n != "李秀英"))
        {
            _f.Said(meeting, item, name);
        }

        AssertRefused(meeting.Approve(item.Id, matter, null, null, _f["李秀英"], MeetingAt), "R6", "does not record its outcome");
        Assert.Null(meeting.OutcomeOf(item.Id));
        Assert.True(_f.Approve(meeting, item, matter).IsOk);
    }

    [Fact]
    public void ADeferredItem_ReturnsToTheQueue_AndCanGoOnALaterMeeting()
    {
        var matter = _f.CollectiveExpense();
        var first = _f.Schedule();
        var item = _f.Add(first, matter);
        Assert.Empty(AgendaQueue.Waiting(_f.Org.Unit, [matter], [first]));

        _f.Open(first);
        _f.Attend(first, Team);
        Assert.True(first.Defer(item.Id, "需补充预算说明", MeetingAt).IsOk);
        Assert.Equal(StepKind.CollectiveDecision, matter.CurrentStep!.Kind);
        Assert.Equal([matter], AgendaQueue.Waiting(_f.Org.Unit, [matter], [first]));

        var later = _f.Schedule(at: MeetingAt.AddDays(7));
        var again = later.AddItem(matter, AgendaItemRequest.None, [first], TestOrg.Now);
        Assert.True(again.IsOk, again.ToString());
        Assert.Empty(AgendaQueue.Waiting(_f.Org.Unit, [matter], [first, later]));
    }

    [Fact]
    public void ACancelledMeetingsMatters_GoBackToTheQueue()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        _f.Add(meeting, matter);
        Assert.True(meeting.Cancel("书记外出", TestOrg.Now).IsOk);
        Assert.Equal([matter], AgendaQueue.Waiting(_f.Org.Unit, [matter], [meeting]));
        AssertRefused(meeting.Open([], _f.View, MeetingAt), "R43", "Cancelled");
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void AMeeting_OpensOnItsDay_NotTheEveningBefore()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        _f.Add(meeting, matter);

        // 23:59 Beijing time the day before is still the day before, whatever the UTC date says.
        var eve = new DateTimeOffset(MeetingAt.Year, MeetingAt.Month, MeetingAt.Day, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(-1);
        AssertRefused(meeting.Open([], _f.View, eve.ToUniversalTime()), "R43", "called for 2025-03-20");
        Assert.Equal(MeetingState.Scheduled, meeting.State);
        Assert.True(meeting.Open([], _f.View, eve.AddMinutes(1)).IsOk);
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

[Trait("Rule", "R43")]
public class MeetingTests
{
    private readonly MeetingFixture _f = new();

    // ── Agenda ──────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void OnlyAMatterAtACollectiveDecisionStep_CanBePutOnTheAgenda()
    {
        var matter = _f.Org.Submit(MatterKind.Expense, 12_000m, "孙磊", InitiatorKind.Staff, TestRoutes.CollectiveExpense);
        _f.Org.Done(matter, "周敏", ActionKind.Review);
        var meeting = _f.Schedule();

        AssertRefused(meeting.AddItem(matter, AgendaItemRequest.None, [], TestOrg.Now), "R43", "only a matter waiting for its team");
        var small = _f.Org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        AssertRefused(meeting.AddItem(small, AgendaItemRequest.None, [], TestOrg.Now), "R43");

        _f.Org.Done(matter, "王志强", ActionKind.Review);
        var item = _f.Add(meeting, matter);
        Assert.Equal((1, 12_000m, matter.Id, false), (item.Number, item.ProposedAmount, item.MatterId, item.IsPersonnel));
        Assert.Equal(["请示〔2025〕12号"], item.DocumentReferences);
    }

    [Fact]
    public void MembersToNotify_AreTheTeamOnTheMeetingDate()
    {
        var meeting = _f.Schedule();
        Assert.Equal(Team.Select(n => _f[n]).OrderBy(p => p.Value), meeting.MembersToNotify.OrderBy(p => p.Value));
        Assert.DoesNotContain(_f["周敏"], meeting.MembersToNotify);
        Assert.Equal(new[] { "张建国", "李秀英" }.Order(StringComparer.Ordinal), meeting.Members.Where(m => m.IsPrincipal).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schedule_ChairedByADeputy_IsRefused()
    {
        var result = Meeting.Schedule(new ScheduleMeeting(_f.Org.County, _f.Org.Unit, MeetingKind.TeamMeeting, "班子会议", MeetingAt, _f["王志强"]), _f.View, TestOrg.Now);
        AssertRefused(result, "R43", "王志强 is not a principal");
    }

    [Fact]
    public void AMatterAlreadyOnAnUndecidedItem_CannotBeTabledTwice()
    {
        var matter = _f.CollectiveExpense();
        var first = _f.Schedule();
        _f.Add(first, matter);
        var second = _f.Schedule(at: MeetingAt.AddDays(7));
        AssertRefused(first.AddItem(matter, AgendaItemRequest.None, [], TestOrg.Now), "R43", "already on an undecided agenda item");
        AssertRefused(second.AddItem(matter, AgendaItemRequest.None, [first], TestOrg.Now), "R43", "already on an undecided agenda item");
    }

    [Fact]
    [Trait("Rule", "R11")]
    public void APersonnelItem_MustNameThePersonItConcerns()
    {
        var meeting = _f.Schedule();
        AssertRefused(meeting.AddItem(_f.TransferIn(), AgendaItemRequest.None, [], TestOrg.Now), "R11", "concerns");
    }

    // ── Quorum ──────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Quorum_FiveOfEightPresent_IsReachedAndTheItemIsApproved()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "张建国");
        foreach (var name in new[] { "王志强", "刘海燕", "陈明", "杨伟", "张建国" })
        {
            _f.Said(meeting, item, name);
        }

        var tally = meeting.Tally(item.Id);
        Assert.True(tally.QuorumMet);
        Assert.Equal((5, 8, 5), (tally.Entitled, tally.QuorumBase, tally.QuorumNeeded));

        var outcome = _f.Approve(meeting, item, matter);
        Assert.True(outcome.IsOk, outcome.ToString());
        _f.SignAll(meeting, matter);
        Assert.Equal(MatterState.Approved, matter.State);
        Assert.Equal(12_000m, matter.DecidedTerms!.Amount);
    }

    [Fact]
    public void Quorum_FourOfEightPresent_IsMissed_TheItemCannotBeApprovedButCanBeDeferred()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "张建国");
        foreach (var name in new[] { "王志强", "刘海燕", "陈明", "张建国" })
        {
            _f.Said(meeting, item, name);
        }

        AssertRefused(_f.Approve(meeting, item, matter), "R43", "no quorum: 4 of 8");
        AssertRefused(_f.Reject(meeting, item, matter), "R43", "no quorum");

        var deferred = meeting.Defer(item.Id, "到会人数不足", MeetingAt.AddHours(1));
        Assert.True(deferred.IsOk);
        Assert.Equal(ItemOutcomeKind.Deferred, deferred.Value.Kind);
        Assert.Equal(MatterState.Pending, matter.State);
        Assert.Equal(StepKind.CollectiveDecision, matter.CurrentStep!.Kind);
    }

    [Fact]
    public void RecusedMembers_CountInTheQuorumBase_AndTheMajorityIsOfAllEntitledToVote()
    {
        // 黄涛 is paid by the matter (automatic recusal), 赵丽 declares one: 6 of 8 may vote.
        var matter = _f.CollectiveExpense(payee: Payee.Person(_f["黄涛"], "黄涛"));
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "赵丽", "黄涛", "张建国");
        Assert.True(meeting.DeclareRecusal(item.Id, _f["赵丽"], "与收款人系同学，申请回避", MeetingAt).IsOk);

        _f.Said(meeting, item, "王志强");
        _f.Said(meeting, item, "刘海燕");
        _f.Said(meeting, item, "陈明", OpinionKind.Disagree);
        _f.Said(meeting, item, "张建国");

        var tally = meeting.Tally(item.Id);
        // Quorum (应到会): 6 present of the whole team of 8, the recused included in the base.
        Assert.Equal((2, 6, 4, 8, true), (tally.Recused, tally.Present, tally.Entitled, tally.QuorumBase, tally.QuorumMet));
        // Majority: 3 agree of the 6 entitled to vote (8 less 2 recused, the absent included) —
        // three of the four present is not enough.
        Assert.Equal((3, 6, 4, false), (tally.Agree, tally.MajorityBase, tally.MajorityNeeded, tally.MajorityMet));
        AssertRefused(_f.Approve(meeting, item, matter), "R43", "3 agreeing of 6");
    }

    // ── Recusal ─────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void AutomaticRecusal_OfInitiatorPayeeConcernedPersonsAndDeclaredRelatives()
    {
        // 陈明 claims an expense paid to 黄涛 that concerns 杨伟; 刘海燕 declared 黄涛 a relative;
        // 陈明 declared 赵丽 a relative (read both ways).
        var matter = _f.CollectiveExpense(initiator: "陈明", kind: InitiatorKind.Deputy, payee: Payee.Person(_f["黄涛"], "黄涛"));
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter, new AgendaItemRequest([_f["杨伟"]], []));
        _f.Open(meeting, new DeclaredRelation(_f["刘海燕"], _f["黄涛"]), new DeclaredRelation(_f["陈明"], _f["赵丽"]));

        var recused = meeting.RecusalsOn(item.Id).ToDictionary(r => r.PersonId, r => r.Ground);
        Assert.Equal(RecusalGround.Initiator, recused[_f["陈明"]]);
        Assert.Equal(RecusalGround.Payee, recused[_f["黄涛"]]);
        Assert.Equal(RecusalGround.Concerned, recused[_f["杨伟"]]);
        Assert.Equal(RecusalGround.Relative, recused[_f["刘海燕"]]);
        Assert.Equal(RecusalGround.Relative, recused[_f["赵丽"]]);
        Assert.Equal(5, recused.Count);
        Assert.All(meeting.RecusalsOn(item.Id), r => Assert.True(r.Automatic));
        Assert.Contains("黄涛", meeting.RecusalsOn(item.Id).Single(r => r.PersonId == _f["刘海燕"]).Reason, StringComparison.Ordinal);

        _f.Attend(meeting, Team);
        AssertRefused(_f.Say(meeting, item, "黄涛"), "R43", "黄涛 is recused");
        AssertRefused(_f.Say(meeting, item, "赵丽"), "R43", "赵丽 is recused");
    }

    [Fact]
    public void DeclaredRecusal_NeedsAReasonAndComesBeforeSpeaking()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        AssertRefused(meeting.DeclareRecusal(item.Id, _f["杨伟"], " ", MeetingAt), "R43", "needs a reason");
        _f.Said(meeting, item, "杨伟");
        AssertRefused(meeting.DeclareRecusal(item.Id, _f["杨伟"], "利害关系", MeetingAt), "R43", "before speaking");
    }

    // ── Opinions: 末位表态 ──────────────────────────────────────────────────────────────────

    [Fact]
    public void PrincipalLast_ThePrincipalIsRefusedWhileAnotherPresentMemberHasNotSpoken()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        _f.Said(meeting, item, "王志强");

        AssertRefused(_f.Say(meeting, item, "张建国"), "R43", "末位表态");
        AssertRefused(_f.Say(meeting, item, "李秀英"), "R43", "刘海燕");

        foreach (var deputy in Deputies.Skip(1))
        {
            _f.Said(meeting, item, deputy);
        }

        // The chair waits for the other principal too.
        AssertRefused(_f.Say(meeting, item, "张建国"), "R43", "still to speak: 李秀英");
        _f.Said(meeting, item, "李秀英");
        _f.Said(meeting, item, "张建国");

        var order = meeting.OpinionsOn(item.Id);
        Assert.Equal(Team.Select(n => _f[n]), order.Select(o => o.PersonId));
        Assert.Equal(Enumerable.Range(1, 8), order.Select(o => o.Sequence));
    }

    [Fact]
    public void PrincipalLast_IsAllowedOnceAllOthersPresentAndNotRecusedHaveSpoken()
    {
        var matter = _f.CollectiveExpense(payee: Payee.Person(_f["黄涛"], "黄涛"));
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "黄涛", "张建国");   // 黄涛 recused as payee

        _f.Said(meeting, item, "王志强");
        _f.Said(meeting, item, "刘海燕");
        _f.Said(meeting, item, "陈明");
        var chair = _f.Say(meeting, item, "张建国");

        Assert.True(chair.IsOk, chair.ToString());
        Assert.Equal(4, chair.Value.Sequence);
    }

    [Fact]
    public void AnAbsentMember_CannotGiveAnOpinion()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "张建国");
        AssertRefused(_f.Say(meeting, item, "赵丽"), "R43", "赵丽 is recorded absent");
    }

    [Fact]
    public void Absence_NeedsAReason_AndOpinionsWaitForEveryMembersAttendance()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        AssertRefused(meeting.MarkAbsent(_f["赵丽"], "", MeetingAt), "R43", "reason");
        Assert.True(meeting.MarkPresent(_f["王志强"], MeetingAt).IsOk);
        AssertRefused(meeting.MarkPresent(_f["王志强"], MeetingAt), "R43", "already recorded");
        AssertRefused(meeting.MarkPresent(_f["周敏"], MeetingAt), "R43", "not a team member");
        AssertRefused(_f.Say(meeting, item, "王志强"), "R43", "attendance");
    }

    [Fact]
    public void NobodySpeaksTwiceOnAnItem_AndADisagreementGivesAReason()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        _f.Said(meeting, item, "王志强");
        AssertRefused(_f.Say(meeting, item, "王志强", OpinionKind.Disagree), "R43", "nobody speaks twice");
        AssertRefused(meeting.RecordOpinion(item.Id, _f["陈明"], OpinionKind.Disagree, null, MeetingAt), "R43", "needs a reason");
    }

    // ── Rules of decision ──────────────────────────────────────────────────────────────────

    [Fact]
    public void DecidingBeforeEveryoneEntitledHasSpoken_IsRefused()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        foreach (var deputy in Deputies.Take(5))
        {
            _f.Said(meeting, item, deputy);
        }

        var early = _f.Approve(meeting, item, matter);
        AssertRefused(early, "R43", "still to speak");
        Assert.All(new[] { "黄涛", "李秀英", "张建国" }, name => Assert.Contains(name, early.Refusal!.Reason, StringComparison.Ordinal));
        AssertRefused(_f.Reject(meeting, item, matter), "R43", "before every member entitled has spoken");
    }

    [Fact]
    public void Majority_ATwoTwoTie_IsNotApproved_AndCanBeRejected()
    {
        // A bureau (局) with one principal and three deputies.
        var org = new TestOrg()
            .With("马国华", Role.Principal)
            .With("林静", Role.Deputy)
            .With("何军", Role.Deputy)
            .With("郭丽华", Role.Deputy)
            .With("宋佳", Role.OfficeReviewer)
            .With("唐亮", Role.Staff)
            .InCharge(Area.Finance, "林静");
        var f = new MeetingFixture(org);
        var matter = org.Submit(MatterKind.Expense, 20_000m, "唐亮", InitiatorKind.Staff, TestRoutes.CollectiveExpense);
        org.Done(matter, "宋佳", ActionKind.Review);
        org.Done(matter, "林静", ActionKind.Review);
        var meeting = f.Schedule(chair: "马国华");
        var item = f.Add(meeting, matter);
        f.Open(meeting);
        foreach (var name in new[] { "马国华", "林静", "何军", "郭丽华" })
        {
            Assert.True(meeting.MarkPresent(org[name], MeetingAt).IsOk);
        }

        f.Said(meeting, item, "林静");
        f.Said(meeting, item, "何军", OpinionKind.Disagree);
        f.Said(meeting, item, "郭丽华", OpinionKind.Disagree);
        f.Said(meeting, item, "马国华");

        AssertRefused(meeting.Approve(item.Id, matter, null, null, org["宋佳"], MeetingAt), "R43", "A tie is not a majority");
        var rejected = meeting.Reject(item.Id, matter, "意见分歧，不予通过", org["宋佳"], MeetingAt);
        Assert.True(rejected.IsOk, rejected.ToString());
        f.SignAll(meeting, matter);
        Assert.Equal(MatterState.Rejected, matter.State);
        Assert.Equal(meeting.ReferenceOf(item), matter.Actions[^1].ExternalReference);
    }

    [Fact]
    public void Majority_WhenTheTeamAgrees_NobodyRejectsTheItem()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        foreach (var name in Team)
        {
            _f.Said(meeting, item, name, name == "张建国" ? OpinionKind.Disagree : OpinionKind.Agree);
        }

        AssertRefused(_f.Reject(meeting, item, matter), "R43", "nobody overrules the team");
    }

    [Fact]
    [Trait("Rule", "R11")]
    public void Personnel_QuorumIsTwoThirds_FiveOfEightIsNotEnough()
    {
        var matter = _f.TransferIn();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter, new AgendaItemRequest([_f["郑芳"]], ["考察报告"]));
        _f.Open(meeting);
        var present = new[] { "王志强", "刘海燕", "陈明", "杨伟", "张建国" };
        _f.Attend(meeting, present);
        foreach (var name in present)
        {
            _f.Said(meeting, item, name);
        }

        var tally = meeting.Tally(item.Id);
        Assert.Equal((true, 5, 6, false), (tally.Personnel, tally.Entitled, tally.QuorumNeeded, tally.QuorumMet));
        AssertRefused(_f.Approve(meeting, item, matter), "R11", "no quorum: 5 of 8");
    }

    [Fact]
    [Trait("Rule", "R11")]
    public void Personnel_NeedsAMajorityOfAllTeamMembers_NotJustOfThosePresent()
    {
        var matter = _f.TransferIn();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter, new AgendaItemRequest([_f["郑芳"]], ["考察报告"]));
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "李秀英", "张建国");
        _f.Said(meeting, item, "王志强");
        _f.Said(meeting, item, "刘海燕");
        _f.Said(meeting, item, "陈明", OpinionKind.Disagree);
        _f.Said(meeting, item, "杨伟", OpinionKind.Abstain);
        _f.Said(meeting, item, "李秀英");
        _f.Said(meeting, item, "张建国");

        // 4 of 6 present agree (a majority of those present) but not more than half of all 8.
        var tally = meeting.Tally(item.Id);
        Assert.Equal((true, 4, 8, 5), (tally.QuorumMet, tally.Agree, tally.MajorityBase, tally.MajorityNeeded));
        AssertRefused(_f.Approve(meeting, item, matter), "R11", "4 agreeing of 8");
        Assert.True(_f.Reject(meeting, item, matter).IsOk);
    }

    [Fact]
    [Trait("Rule", "R11")]
    public void Personnel_FiveOfEightAgreeingWithSixPresent_IsApproved()
    {
        var matter = _f.TransferIn();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter, new AgendaItemRequest([_f["郑芳"]], ["考察报告"]));
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "李秀英", "张建国");
        _f.Said(meeting, item, "王志强");
        _f.Said(meeting, item, "刘海燕");
        _f.Said(meeting, item, "陈明");
        _f.Said(meeting, item, "杨伟", OpinionKind.Disagree);
        _f.Said(meeting, item, "李秀英");
        _f.Said(meeting, item, "张建国");

        var approved = _f.Approve(meeting, item, matter);
        Assert.True(approved.IsOk, approved.ToString());
        _f.SignAll(meeting, matter);
        Assert.Equal(MatterState.Approved, matter.State);
    }

    [Fact]
    public void DecisionRules_ACountyMayTightenButNotLoosenThem()
    {
        var loose = DecisionRules.Default with { Quorum = Threshold.AtLeast(1, 2) };
        AssertRefused(loose.Check(), "R43", "below more than half");
        var personnel = DecisionRules.Default with { PersonnelQuorum = Threshold.MoreThan(1, 2) };
        AssertRefused(personnel.Check(), "R11", "two thirds");
        Assert.True((DecisionRules.Default with { Quorum = Threshold.AtLeast(2, 3) }).Check().IsOk);

        var result = Meeting.Schedule(new ScheduleMeeting(_f.Org.County, _f.Org.Unit, MeetingKind.TeamMeeting, "班子会议", MeetingAt, _f["张建国"], loose), _f.View, TestOrg.Now);
        AssertRefused(result, "R43");
    }

    [Fact]
    public void DecisionRules_AStricterCountyQuorumApplies()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule(DecisionRules.Default with { Quorum = Threshold.AtLeast(2, 3) });
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        var present = new[] { "王志强", "刘海燕", "陈明", "杨伟", "张建国" };
        _f.Attend(meeting, present);
        foreach (var name in present)
        {
            _f.Said(meeting, item, name);
        }

        AssertRefused(_f.Approve(meeting, item, matter), "R43", "6 needed (at least 2/3)");
    }

    [Theory]
    [InlineData(5, 8, true)]
    [InlineData(4, 8, false)]
    [InlineData(2, 4, false)]
    [InlineData(3, 5, true)]
    [InlineData(0, 0, false)]
    public void Threshold_MoreThanHalf_IsExactOnIntegers(int count, int of, bool met) =>
        Assert.Equal(met, Threshold.MoreThan(1, 2).IsMet(count, of));

    [Theory]
    [InlineData(6, 9, true)]
    [InlineData(5, 8, false)]
    [InlineData(6, 8, true)]
    [InlineData(4, 6, true)]
    [InlineData(3, 5, false)]
    public void Threshold_AtLeastTwoThirds_IncludesTwoThirdsItself(int count, int of, bool met) =>
        Assert.Equal(met, Threshold.AtLeast(2, 3).IsMet(count, of));
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

[Trait("Rule", "R43")]
public class MinutesTests
{
    private readonly MeetingFixture _f = new();

    /// <summary>A closed meeting: 赵丽 and 黄涛 absent, 杨伟 recused, one item approved at 10,000 of 12,000.</summary>
    private (Meeting Meeting, AgendaItem Item, Matter Matter, MinutesRecord Minutes) ClosedMeeting()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "李秀英", "张建国");
        Assert.True(meeting.DeclareRecusal(item.Id, _f["杨伟"], "报销人系其亲属", MeetingAt).IsOk);
        _f.Said(meeting, item, "刘海燕");
        _f.Said(meeting, item, "王志强");
        _f.Said(meeting, item, "陈明", OpinionKind.Abstain);
        _f.Said(meeting, item, "李秀英");
        _f.Said(meeting, item, "张建国");
        Assert.True(_f.Approve(meeting, item, matter, 10_000m, "凭发票据实报销").IsOk);
        var minutes = meeting.DrawUpMinutes(MeetingAt.AddHours(2));
        Assert.True(minutes.IsOk, minutes.ToString());
        return (meeting, item, matter, minutes.Value);
    }

    private static readonly string[] Attendees = ["王志强", "刘海燕", "陈明", "杨伟", "李秀英", "张建国"];

    [Fact]
    public void Minutes_AreGeneratedFromTheRecordedRows()
    {
        var (_, _, matter, record) = ClosedMeeting();
        var minutes = record.Content;

        Assert.Equal("张建国", minutes.ChairName);
        Assert.Equal(8, minutes.Attendance.Count);
        Assert.Equal(new[] { "黄涛", "赵丽" }.Order(StringComparer.Ordinal), minutes.Attendance.Where(a => !a.Present).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(minutes.Attendance.Where(a => !a.Present), a => Assert.Equal("出差", a.AbsenceReason));

        var item = Assert.Single(minutes.Items);
        Assert.Equal(matter.Id, item.MatterId);
        Assert.Equal(["杨伟"], item.Recusals.Select(r => r.Name));
        Assert.Equal(["刘海燕", "王志强", "陈明", "李秀英", "张建国"], item.Opinions.Select(o => o.Name));
        Assert.Equal(OpinionKind.Abstain, item.Opinions[2].Kind);
        Assert.Equal((ItemOutcomeKind.Approved, 12_000m, 10_000m), (item.Outcome!.Value, item.ProposedAmount, item.DecidedAmount!.Value));
        Assert.Equal("孙磊", item.DecidedPayee.Name);
        Assert.Equal("凭发票据实报销", item.Conditions);
        Assert.Equal((4, 1, 5), (item.Tally.Agree, item.Tally.Abstain, item.Tally.Entitled));
        Assert.Equal(Attendees.Select(n => _f[n]).OrderBy(p => p.Value), minutes.RequiredSigners.OrderBy(p => p.Value));
    }

    [Fact]
    public void Minutes_AreNotFinalBeforeEveryAttendeeSigns()
    {
        var (meeting, _, _, record) = ClosedMeeting();
        foreach (var name in Attendees.SkipLast(1))
        {
            Assert.True(meeting.SignMinutes(record.Id, _f[name], null, _ => null, MeetingAt.AddHours(3)).IsOk);
            Assert.Equal(MinutesState.Draft, record.State);
            Assert.False(meeting.MinutesAreFinal);
        }

        Assert.Equal([_f["张建国"]], record.MissingSignatures);
        AssertRefused(meeting.SignMinutes(record.Id, _f["黄涛"], null, _ => null, MeetingAt.AddHours(3)), "R43", "黄涛 did not attend");
        AssertRefused(meeting.SignMinutes(record.Id, _f["王志强"], null, _ => null, MeetingAt.AddHours(3)), "R43", "already signed");

        Assert.True(meeting.SignMinutes(record.Id, _f["张建国"], null, _ => null, MeetingAt.AddHours(4)).IsOk);
        Assert.Equal(MinutesState.Final, record.State);
        Assert.True(meeting.MinutesAreFinal);
    }

    [Fact]
    public void Minutes_CannotChangeAfterTheyAreFinal_NothingMoreIsRecorded()
    {
        var (meeting, item, _, record) = ClosedMeeting();
        foreach (var name in Attendees)
        {
            Assert.True(meeting.SignMinutes(record.Id, _f[name], null, _ => null, MeetingAt.AddHours(3)).IsOk);
        }

        var content = record.Content;
        AssertRefused(meeting.MarkPresent(_f["赵丽"], MeetingAt.AddHours(5)), "R43", "final");
        AssertRefused(meeting.RecordOpinion(item.Id, _f["赵丽"], OpinionKind.Agree, null, MeetingAt.AddHours(5)), "R43", "final");
        AssertRefused(meeting.DeclareRecusal(item.Id, _f["王志强"], "补充回避", MeetingAt.AddHours(5)), "R43", "final");
        AssertRefused(meeting.Defer(item.Id, "重新研究", MeetingAt.AddHours(5)), "R43", "final");
        AssertRefused(meeting.DrawUpMinutes(MeetingAt.AddHours(5)), "R43");
        Assert.Same(content, record.Content);
        Assert.Equal(6, record.Signatures.Count);
    }

    [Fact]
    public void DrawingUpMinutes_WaitsForEveryItemsOutcome()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        _f.Attend(meeting, Team);
        AssertRefused(meeting.DrawUpMinutes(MeetingAt), "R43", "item 1 (差旅费报销) still wait(s)");
        Assert.True(meeting.Defer(item.Id, "材料不全", MeetingAt).IsOk);
        Assert.True(meeting.DrawUpMinutes(MeetingAt).IsOk);
        Assert.Equal(MeetingState.Closed, meeting.State);
    }

    [Fact]
    public void ACorrection_IsANewRecordLinkedToTheOld_AndNeedsEverySignatureAgain()
    {
        var (meeting, _, _, first) = ClosedMeeting();
        foreach (var name in Attendees)
        {
            Assert.True(meeting.SignMinutes(first.Id, _f[name], null, _ => null, MeetingAt.AddHours(3)).IsOk);
        }

        var correction = meeting.CorrectMinutes("第1项附件文号应为请示〔2025〕13号", _f["刘海燕"], MeetingAt.AddDays(1));
        Assert.True(correction.IsOk, correction.ToString());
        var second = correction.Value;

        Assert.Equal((2, first.Id), (second.Version, second.SupersedesId));
        Assert.Same(second, meeting.CurrentMinutes);
        Assert.Equal(MinutesState.Draft, second.State);
        Assert.False(meeting.MinutesAreFinal);
        Assert.Equal(MinutesState.Final, first.State);
        Assert.Empty(first.Content.Corrections);
        Assert.Equal("刘海燕", Assert.Single(second.Content.Corrections).ByName);
        Assert.Equal(first.Content.Items[0].Opinions.Select(o => o.PersonId), second.Content.Items[0].Opinions.Select(o => o.PersonId));

        AssertRefused(meeting.SignMinutes(first.Id, _f["黄涛"], null, _ => null, MeetingAt.AddDays(1)), "R43", "superseded");
        AssertRefused(meeting.CorrectMinutes("更正", _f["赵丽"], MeetingAt.AddDays(1)), "R43", "did not attend");
        foreach (var name in Attendees)
        {
            Assert.True(meeting.SignMinutes(second.Id, _f[name], null, _ => null, MeetingAt.AddDays(2)).IsOk);
        }

        Assert.True(meeting.MinutesAreFinal);
    }
}

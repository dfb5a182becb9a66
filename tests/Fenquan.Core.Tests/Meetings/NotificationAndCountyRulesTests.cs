using Fenquan.Core.Meetings;
using Fenquan.Core.Notifications;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

/// <summary>Members notified of a meeting, and the county's rules of decision (R43).</summary>
[Trait("Rule", "R43")]
public sealed class NotificationAndCountyRulesTests
{
    private readonly MeetingFixture _f = new();

    [Fact]
    public void ScheduledMeeting_NotifiesEveryTeamMember_WithTheTitleAndTime()
    {
        var meeting = _f.Schedule();

        var notices = MeetingNotices.Scheduled(meeting, TestOrg.Now);

        Assert.Equal(Team.Select(n => _f[n].Value).Order(), notices.Select(n => n.RecipientId.Value).Order());
        Assert.All(notices, n => Assert.Equal(NotificationKind.MeetingScheduled, n.Kind));
        Assert.All(notices, n => Assert.Equal("Notify.MeetingScheduled", n.TextKey));
        Assert.All(notices, n => Assert.Equal(["2025年第5次党委会", "2025-03-20 09:00"], n.TextArgs));
        Assert.All(notices, n => Assert.Equal(meeting.Id.Value, n.SubjectId));
        Assert.All(notices, n => Assert.False(n.IsRead));
    }

    [Fact]
    public void DrawnUpMinutes_AskOnlyThePresentAttendeesToSign()
    {
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, _f.CollectiveExpense());
        _f.Open(meeting);
        _f.Attend(meeting, "王志强", "刘海燕", "陈明", "杨伟", "赵丽", "张建国");
        Assert.True(meeting.Defer(item.Id, "补充材料", MeetingAt).IsOk);
        var minutes = meeting.DrawUpMinutes(MeetingAt).Value;

        var notices = MeetingNotices.MinutesToSign(meeting, minutes, MeetingAt);

        Assert.Equal(new[] { "王志强", "刘海燕", "陈明", "杨伟", "赵丽", "张建国" }.Select(n => _f[n].Value).Order(), notices.Select(n => n.RecipientId.Value).Order());
        Assert.All(notices, n => Assert.Equal(NotificationKind.MinutesToSign, n.Kind));
    }

    [Fact]
    public void Notification_OnlyItsRecipientMarksItRead_AndOnlyOnce()
    {
        var notice = MeetingNotices.Scheduled(_f.Schedule(), TestOrg.Now).First();
        var other = Team.Select(n => _f[n]).First(p => p != notice.RecipientId);

        AssertRefused(notice.MarkRead(other, MeetingAt), "R43", "recipient");
        Assert.Null(notice.ReadAt);
        Assert.True(notice.MarkRead(notice.RecipientId, MeetingAt).IsOk);
        Assert.True(notice.MarkRead(notice.RecipientId, MeetingAt.AddHours(1)).IsOk);
        Assert.Equal(MeetingAt, notice.ReadAt);
    }

    [Fact]
    public void CountyRules_BelowTheFloor_AreRefusedNamingR43()
    {
        var loose = CountyDecisionRules.Set(_f.Org.County, DecisionRules.Default with { Quorum = Threshold.AtLeast(1, 2) }, null, "admin", TestOrg.Now);
        var halfMajority = CountyDecisionRules.Set(_f.Org.County, DecisionRules.Default with { PersonnelMajority = Threshold.AtLeast(1, 2) }, null, "admin", TestOrg.Now);

        AssertRefused(loose, "R43", "below more than half");
        AssertRefused(halfMajority, "R43", "below more than half");
    }

    [Fact]
    public void CountyRules_AreVersioned_AndTheLatestIsInForce()
    {
        Assert.Equal(DecisionRules.Default, CountyDecisionRules.InForce([]));
        var first = CountyDecisionRules.Set(_f.Org.County, DecisionRules.Default with { Quorum = Threshold.AtLeast(2, 3) }, null, "admin", TestOrg.Now).Value;
        var second = CountyDecisionRules.Set(_f.Org.County, DecisionRules.Default with { Quorum = Threshold.MoreThan(3, 5) }, first, "admin", TestOrg.Now).Value;

        Assert.Equal(2, second.Version);
        Assert.Equal(Threshold.MoreThan(3, 5), CountyDecisionRules.InForce([second, first]).Quorum);
    }

    [Fact]
    public void TwoThirdsQuorum_ThreeOfFivePresent_HasNoQuorum_WhileTheDefaultHasOne()
    {
        var twoThirds = DecisionRules.Default with { Quorum = Threshold.AtLeast(2, 3) };
        Assert.True(twoThirds.Check().IsOk);
        Assert.False(twoThirds.Quorum.IsMet(3, 5));
        Assert.True(DecisionRules.Default.Quorum.IsMet(3, 5));
        Assert.Equal(4, twoThirds.Quorum.Needed(5));
    }
}

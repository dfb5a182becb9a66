using Fenquan.Core.Meetings;
using Fenquan.Core.Notifications;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Meetings;

// Members notified in the same unit of work as the meeting's change, and the county's rules of
// decision frozen on each meeting when it is scheduled (R43), on SQLite and PostgreSQL, ledgered (R44).
public class MeetingNotificationAndRulesTests
{
    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SchedulingAddingCancelling_NotifyEveryMember_InTheSameLedgeredTransaction_OnlyTheRecipientMarksRead(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(9_000m);

        // A refused scheduling (the chair is not a principal) notifies nobody.
        var refused = await s.Meetings.ScheduleAsync(new ScheduleMeeting(s.Id, s.County.Unit, MeetingKind.PartyCommittee, "党委会", MeetingScenario.MeetingAt, s["张伟"]), s["赵敏"]);
        MeetingScenario.AssertRefused(refused, "R43", "not a principal");
        await using (var db = database.Context())
        {
            // Only the matter's own notices (its steps' tasks) exist, none about a meeting.
            Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.SubjectId != matter.Id.Value));
        }

        var meeting = await s.ScheduleAsync();
        await s.AddAsync(meeting, matter);
        await using (var db = database.Context())
        {
            var scheduled = await db.Set<Notification>().Where(n => n.Kind == NotificationKind.MeetingScheduled).ToListAsync();
            Assert.Equal(MeetingScenario.Team.Select(n => s[n].Value).Order(), scheduled.Select(n => n.RecipientId.Value).Order());
            Assert.All(scheduled, n => Assert.Equal(meeting.Id.Value, n.SubjectId));
            Assert.All(scheduled, n => Assert.Equal(["2026年第3次党委会", "2026-03-05 09:00"], n.TextArgs));
            Assert.Equal(MeetingScenario.Team.Length, await db.Set<Notification>().CountAsync(n => n.Kind == NotificationKind.AgendaItemAdded));

            // The notifications are saved with the meeting, in one transaction, but only the meeting is ledgered.
            Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.SubjectType == nameof(Notification)));
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == "meeting.scheduled" && e.SubjectType == nameof(Meeting)));
            Assert.Equal(2, NotificationOperations.UnreadCount(db, s.Id, s["杨帆"]));
        }

        // Only the recipient marks a notification read: another person does not find it.
        Guid mine;
        await using (var db = database.Context())
        {
            mine = NotificationOperations.For(db, s.Id, s["杨帆"]).Last().Id;
        }

        var notifications = new NotificationOperations(database.Writer);
        var byOther = await notifications.MarkReadAsync(s.Id, mine, s["张伟"]);
        Assert.True(byOther.Refusal?.IsNotFound, byOther.ToString());
        var read = await notifications.MarkReadAsync(s.Id, mine, s["杨帆"]);
        Assert.True(read.IsOk, read.ToString());
        Assert.NotNull(read.Value.ReadAt);
        await using (var db = database.Context())
        {
            Assert.Equal(1, NotificationOperations.UnreadCount(db, s.Id, s["杨帆"]));
            Assert.Equal(2, NotificationOperations.UnreadCount(db, s.Id, s["张伟"]));
            // A read mark is kept on the row, not ledgered.
            Assert.NotNull((await db.Set<Notification>().SingleAsync(n => n.Id == mine)).ReadAt);
            Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.Kind == "notification.read"));
        }

        var cancelled = await s.Meetings.CancelAsync(s.Id, meeting.Id, "书记赴市里开会，改期召开", s["赵敏"]);
        Assert.True(cancelled.IsOk, cancelled.ToString());
        MeetingScenario.AssertRefused(await s.Meetings.CancelAsync(s.Id, meeting.Id, "再次取消", s["赵敏"]), "R43", "only a scheduled meeting");
        await using (var db = database.Context())
        {
            var told = await db.Set<Notification>().Where(n => n.Kind == NotificationKind.MeetingCancelled).ToListAsync();
            Assert.Equal(MeetingScenario.Team.Length, told.Count);
            Assert.All(told, n => Assert.Equal("书记赴市里开会，改期召开", n.TextArgs[1]));

            // The cancelled meeting's matter is back in the queue.
            Assert.Contains(MeetingOperations.AgendaQueue(db, s.Id, s.County.Unit), m => m.Id == matter.Id);
        }

        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MinutesDrawnUp_AskOnlyTheAttendeesToSign(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(6_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟", "刘洋");
        Assert.True((await s.Meetings.DeferAsync(s.Id, meeting.Id, item.Id, "补充材料", s["赵敏"])).IsOk);

        var minutes = await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"]);

        Assert.True(minutes.IsOk, minutes.ToString());
        await using var db = database.Context();
        var toSign = await db.Set<Notification>().Where(n => n.Kind == NotificationKind.MinutesToSign).ToListAsync();
        Assert.Equal(new[] { "王建国", "李秀英", "张伟", "刘洋" }.Select(n => s[n].Value).Order(), toSign.Select(n => n.RecipientId.Value).Order());
        Assert.All(toSign, n => Assert.Equal("1", n.TextArgs[1]));
        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CountyRaisesItsQuorumToTwoThirds_AMeetingWith3Of6PresentHasNoQuorum_AndEarlierMeetingsKeepTheirRules(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var earlier = await s.ScheduleAsync("2026年第2次党委会");
        var stricter = DecisionRules.Default with { Quorum = Threshold.AtLeast(2, 3) };

        var set = await s.Meetings.SetDecisionRulesAsync(s.Id, stricter, "county.admin");

        Assert.True(set.IsOk, set.ToString());
        Assert.Equal(1, set.Value.Version);
        var matter = await s.CollectiveExpenseAsync(12_000m);
        var meeting = await s.ScheduleAsync();
        Assert.Equal(stricter, meeting.Rules);
        var item = await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);

        // The quorum counts the whole team of 6 (陈明, who initiated the matter, is recused and still
        // counted, 应到会): 3 present is not two thirds.
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟");
        await s.SaidAsync(meeting, item, "张伟");
        await s.SaidAsync(meeting, item, "李秀英");
        await s.SaidAsync(meeting, item, "王建国");
        MeetingScenario.AssertRefused(await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, null, null, s["赵敏"]), "R43", "no quorum: 3 of 6");

        await using var db = database.Context();
        Assert.Equal(stricter, MeetingOperations.Find(db, s.Id, meeting.Id)!.Rules);
        Assert.Equal(DecisionRules.Default, MeetingOperations.Find(db, s.Id, earlier.Id)!.Rules);
        Assert.True(MeetingOperations.Find(db, s.Id, meeting.Id)!.Tally(item.Id) is { QuorumMet: false, QuorumBase: 6, QuorumNeeded: 4 });
        Assert.Equal(stricter, MeetingOperations.DecisionRulesOf(db, s.Id));
        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CountyRulesBelowTheFloor_AreRefusedNamingR43_AndChangeNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        await using (var db = database.Context())
        {
            Assert.Equal(DecisionRules.Default, MeetingOperations.DecisionRulesOf(db, s.Id));
        }

        var before = await LedgerCountAsync(database);

        var loose = await s.Meetings.SetDecisionRulesAsync(s.Id, DecisionRules.Default with { Quorum = Threshold.AtLeast(1, 2) }, "county.admin");
        var looseMajority = await s.Meetings.SetDecisionRulesAsync(s.Id, DecisionRules.Default with { Majority = Threshold.MoreThan(1, 3) }, "county.admin");

        MeetingScenario.AssertRefused(loose, "R43", "below more than half");
        MeetingScenario.AssertRefused(looseMajority, "R43", "below more than half");
        Assert.Equal(before, await LedgerCountAsync(database));
        await using var after = database.Context();
        Assert.Empty(MeetingOperations.DecisionRulesHistory(after, s.Id));
        Assert.Equal(DecisionRules.Default, (await s.ScheduleAsync()).Rules);
    }

    private static async Task<int> LedgerCountAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.LedgerEntries.CountAsync();
    }
}

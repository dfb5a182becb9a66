using Fenquan.Core.Calendar;
using Fenquan.Core.Delegation;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Notifications;

// Notifications for matter events (issue 14) on SQLite and PostgreSQL: written in the transaction of
// the action they come from, each to the right person, and the unread count right after every step.
public class MatterNotificationTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static async Task<Matter> StaffExpenseAsync(TestCounty county, string title = "差旅费报销")
    {
        var command = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, title, 1_200m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);
        var submitted = await county.Matters.SubmitAsync(command);
        Assert.True(submitted.IsOk, submitted.ToString());
        return submitted.Value;
    }

    private static async Task ActAsync(TestCounty county, Matter matter, string actor, ActionKind kind, string comment = "同意", string? onBehalfOf = null)
    {
        var acted = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county[actor], kind, comment), onBehalfOf is null ? null : county[onBehalfOf]);
        Assert.True(acted.IsOk, acted.ToString());
    }

    private static async Task<List<Notification>> AboutAsync(TestDatabase database, Matter matter)
    {
        await using var db = database.Context();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.SubjectId == matter.Id.Value).OrderBy(n => n.Id).ToListAsync();
    }

    private static int Unread(TestDatabase database, TestCounty county, string name)
    {
        using var db = database.Context();
        return NotificationOperations.UnreadCount(db, county.County, county[name]);
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachStepTellsTheNextActorOfTheTask_TheTakenTaskNoLongerCountsUnread_AndTheInitiatorHearsTheApproval(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var matter = await StaffExpenseAsync(county);

        var task = Assert.Single(await AboutAsync(database, matter));
        Assert.Equal((NotificationKind.TaskWaiting, county["赵敏"]), (task.Kind, task.RecipientId));
        Assert.Equal(["差旅费报销", "1", "1.0"], task.TextArgs);
        Assert.Equal(1, Unread(database, county, "赵敏"));

        await ActAsync(county, matter, "赵敏", ActionKind.Review);

        Assert.Equal(0, Unread(database, county, "赵敏"));
        Assert.Equal(1, Unread(database, county, "张伟"));
        var deputyTask = (await AboutAsync(database, matter)).Single(n => n.RecipientId == county["张伟"]);
        Assert.Equal(NotificationKind.TaskWaiting, deputyTask.Kind);
        Assert.Equal("2", deputyTask.TextArgs[1]);

        await ActAsync(county, matter, "张伟", ActionKind.Approve);

        Assert.Equal(0, Unread(database, county, "张伟"));
        Assert.Equal(1, Unread(database, county, "周杰"));
        var approved = (await AboutAsync(database, matter)).Single(n => n.RecipientId == county["周杰"]);
        Assert.Equal(NotificationKind.MatterApproved, approved.Kind);
        Assert.Equal("Notify.MatterApproved", approved.TextKey);

        // Saved in the approval's own transaction but not ledgered: the matter and its action are
        // the record. The deputy's answered task is not touched by the approval (the count leaves it out).
        await using var db = database.Context();
        Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.SubjectType == nameof(Notification)));
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.Kind == "matter.approve" && e.SubjectType == nameof(MatterAction)));
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReturnedMatter_TellsTheInitiatorWhy_AndItsResubmissionIsTheReviewersTaskAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = await StaffExpenseAsync(county);

        await ActAsync(county, matter, "赵敏", ActionKind.Return, "缺少发票");

        var returned = (await AboutAsync(database, matter)).Single(n => n.RecipientId == county["周杰"]);
        Assert.Equal(NotificationKind.MatterReturned, returned.Kind);
        Assert.Equal(["差旅费报销", "缺少发票"], returned.TextArgs);
        Assert.Equal(0, Unread(database, county, "赵敏"));

        var resubmitted = await county.Matters.ResubmitAsync(county.County, matter.Id, county["周杰"]);

        Assert.True(resubmitted.IsOk, resubmitted.ToString());
        var again = (await AboutAsync(database, matter)).Where(n => n.RecipientId == county["赵敏"]).ToList();
        Assert.Equal(2, again.Count);
        Assert.Equal("2.0", again[^1].TextArgs[2]);
        Assert.Equal(1, Unread(database, county, "赵敏"));
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARejectedMatter_TellsTheInitiator_AndNobodyElseHasATaskLeft(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = await StaffExpenseAsync(county);
        await ActAsync(county, matter, "赵敏", ActionKind.Review);

        await ActAsync(county, matter, "张伟", ActionKind.Reject, "不符合报销标准");

        var notices = await AboutAsync(database, matter);
        var rejected = Assert.Single(notices, n => n.Kind == NotificationKind.MatterRejected);
        Assert.Equal(county["周杰"], rejected.RecipientId);
        Assert.Equal("不符合报销标准", rejected.TextArgs[1]);
        Assert.Equal((0, 0), (Unread(database, county, "赵敏"), Unread(database, county, "张伟")));

        // The rejection wrote nothing to the answered tasks; the periodic tidy marks them read,
        // ledgered, and the counts stay as they were.
        Assert.All(notices.Where(n => n.Kind == NotificationKind.TaskWaiting), n => Assert.Null(n.ReadAt));
        var settled = await new NotificationOperations(database.Writer).SettleAnsweredAsync(county.County);
        Assert.Equal(2, settled.Value);
        Assert.All((await AboutAsync(database, matter)).Where(n => n.Kind == NotificationKind.TaskWaiting), n => Assert.NotNull(n.ReadAt));
        Assert.Equal((0, 0, 1), (Unread(database, county, "赵敏"), Unread(database, county, "张伟"), Unread(database, county, "周杰")));
        Assert.Equal(0, (await new NotificationOperations(database.Writer).SettleAnsweredAsync(county.County)).Value);
    }

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApprovalUnderDelegation_TellsTheDelegatorWhoActedForThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var now = database.Time.GetUtcNow();
        var delegated = await new DelegationOperations(database.Writer).CreateAsync(new CreateDelegation(county.County, county.Unit, county["张伟"], county["刘洋"], Role.Deputy, [], now.AddMinutes(-1), now.AddDays(7)));
        Assert.True(delegated.IsOk, delegated.ToString());
        var matter = await StaffExpenseAsync(county);
        await ActAsync(county, matter, "赵敏", ActionKind.Review);

        await ActAsync(county, matter, "刘洋", ActionKind.Approve, "代张伟审批", onBehalfOf: "张伟");

        var told = Assert.Single(await AboutAsync(database, matter), n => n.Kind == NotificationKind.ActedOnYourBehalf);
        Assert.Equal(county["张伟"], told.RecipientId);
        Assert.Equal(["差旅费报销", "2", "刘洋"], told.TextArgs.Take(3));

        // The delegator's own task for that step is answered too: only the news of what was done is unread.
        Assert.Equal(1, Unread(database, county, "张伟"));
    }

    [Theory]
    [Trait("Rule", "R46")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWaitingStep_TurnsYellowThenRed_OnWorkingDays_EachToldOnce_AndTakingTheStepSettlesThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = await StaffExpenseAsync(county); // Monday 2 March 2026, 17:30 in China
        var check = new StepLimitOperations(database.Writer);
        // The unit's policy names no step limits: 3 working days, yellow at 80 % (StepTimeLimits.Standard).
        Task<int> CheckOn(int year, int month, int day) => check.ReportAsync(county.County, new DateOnly(year, month, day));

        Assert.Equal(0, await CheckOn(2026, 3, 4)); // 2 of 3 working days used: green
        Assert.Equal(1, await CheckOn(2026, 3, 5)); // 3 of 3 (≥ 80 %): yellow
        Assert.Equal(0, await CheckOn(2026, 3, 5)); // the same step and colour: not again
        Assert.Equal(1, await CheckOn(2026, 3, 6)); // past the limit: red
        Assert.Equal(0, await CheckOn(2026, 3, 9));

        var notices = await AboutAsync(database, matter);
        var yellow = Assert.Single(notices, n => n.Kind == NotificationKind.StepNearLimit);
        var red = Assert.Single(notices, n => n.Kind == NotificationKind.StepOverdue);
        Assert.Equal([county["赵敏"], county["赵敏"]], [yellow.RecipientId, red.RecipientId]);
        Assert.Equal(["差旅费报销", "1", "2026-03-05", "1.0"], red.TextArgs);
        Assert.Equal(3, Unread(database, county, "赵敏"));

        database.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
        await ActAsync(county, matter, "赵敏", ActionKind.Review);

        Assert.Equal(0, Unread(database, county, "赵敏"));
        Assert.Equal(0, await CheckOn(2026, 3, 9)); // the next step began today: green
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R46")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AStepWaitingOverAHoliday_CountsOnlyWorkingDays(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 9, 30, 2, 0, 0, TimeSpan.Zero)); // Wednesday before 国庆节 (1–7 October)
        var command = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "节前采购", 800m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 9, 30));
        Assert.True((await county.Matters.SubmitAsync(command)).IsOk);
        var check = new StepLimitOperations(database.Writer);

        // Ten calendar days later, but only 8 and 9 October were working days: still green.
        Assert.Equal(0, await check.ReportAsync(county.County, new DateOnly(2026, 10, 9)));

        // Saturday 10 October is an adjusted working day (调休): the third one, so yellow.
        Assert.Equal(1, await check.ReportAsync(county.County, new DateOnly(2026, 10, 10)));
        await using var db = database.Context();
        Assert.Equal(NotificationKind.StepNearLimit, (await db.Set<Notification>().SingleAsync(n => n.Kind == NotificationKind.StepNearLimit || n.Kind == NotificationKind.StepOverdue)).Kind);
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SigningTheMinutes_TakesTheRequestToSignOffTheUnreadCount_AndTheBoundOutcomeTellsTheInitiator(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(12_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟", "刘洋");
        await s.SaidAsync(meeting, item, "张伟");
        await s.SaidAsync(meeting, item, "刘洋");
        await s.SaidAsync(meeting, item, "李秀英");
        await s.SaidAsync(meeting, item, "王建国");
        Assert.True((await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, 12_000m, null, s["赵敏"])).IsOk);
        var minutes = (await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"])).Value;
        int UnreadOf(string name)
        {
            using var db = database.Context();
            return NotificationOperations.UnreadCount(db, s.Id, s[name]);
        }

        var before = UnreadOf("张伟");
        Assert.True((await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Id, s["张伟"])).IsOk);
        Assert.Equal(before - 1, UnreadOf("张伟"));

        var initiatorBefore = UnreadOf("陈明");
        foreach (var name in new[] { "王建国", "李秀英", "刘洋" })
        {
            Assert.True((await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Id, s[name])).IsOk);
        }

        await using (var db = database.Context())
        {
            Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.Kind == NotificationKind.MinutesToSign && n.ReadAt == null));
            var approved = await db.Set<Notification>().SingleAsync(n => n.Kind == NotificationKind.MatterApproved);
            Assert.Equal((s["陈明"], matter.Id.Value), (approved.RecipientId, approved.SubjectId));
        }

        Assert.Equal(initiatorBefore + 1, UnreadOf("陈明"));
        await s.AssertLedgerIntactAsync();
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Meetings;

/// <summary>
/// Meetings of 城关镇's team (see <see cref="TestCounty"/>: principals 王建国, who chairs, and
/// 李秀英; deputies 张伟, 刘洋, 陈明, 杨帆; office 赵敏), driven through the real operations.
/// </summary>
public sealed class MeetingScenario
{
    public static readonly DateOnly MatterDate = new(2026, 3, 2);

    public static readonly DateTimeOffset MeetingAt = new(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] Team = ["王建国", "李秀英", "张伟", "刘洋", "陈明", "杨帆"];

    public static readonly Payee Supplier = Payee.Named("清河县鑫达办公设备有限公司");

    private MeetingScenario(TestCounty county) => County = county;

    public TestCounty County { get; }

    public TestDatabase Database => County.Database;

    public MeetingOperations Meetings => new(Database.Writer);

    public CountyId Id => County.County;

    public PersonId this[string name] => County[name];

    public static async Task<MeetingScenario> CreateAsync(TestDatabase database) => new(await TestCounty.CreateAsync(database));

    /// <summary>The scenario on a county made already (one with a budget, say).</summary>
    public static MeetingScenario Of(TestCounty county) => new(county);

    /// <summary>An expense the procurement deputy 陈明 initiates, brought through its route up to the collective decision (R5).</summary>
    public async Task<Matter> CollectiveExpenseAsync(decimal amount, string title = "购置会议室音响设备")
    {
        var submitted = await County.Matters.SubmitAsync(new SubmitMatter(Id, County.Unit, MatterKind.Expense, title, amount, Supplier, this["陈明"], InitiatorKind.Deputy, MatterFlags.None, MatterDate));
        Assert.True(submitted.IsOk, submitted.ToString());
        return await ToCollectiveDecisionAsync(submitted.Value.Id);
    }

    /// <summary>A submitted matter brought through its route up to the collective decision, each step by someone who may take it.</summary>
    public async Task<Matter> ToCollectiveDecisionAsync(MatterId matterId)
    {
        while (true)
        {
            await using var db = Database.Context();
            var matter = MatterOperations.Load(db, Id, matterId)!;
            if (matter.CurrentStep is { Kind: StepKind.CollectiveDecision })
            {
                return matter;
            }

            Assert.NotNull(matter.CurrentStep);
            var org = OrganizationOperations.LoadUnitView(db, Id, County.Unit);
            var actor = matter.WhoMayActNow(org).First();
            var acted = await County.Matters.ActAsync(Id, matterId, new ActRequest(actor, StepActions.CompletingAction(matter.CurrentStep.Kind), "同意"));
            Assert.True(acted.IsOk, acted.ToString());
        }
    }

    public async Task<Meeting> ScheduleAsync(string title = "2026年第3次党委会", DateTimeOffset? at = null)
    {
        var scheduled = await Meetings.ScheduleAsync(new ScheduleMeeting(Id, County.Unit, MeetingKind.PartyCommittee, title, at ?? MeetingAt, this["王建国"]), this["赵敏"]);
        Assert.True(scheduled.IsOk, scheduled.ToString());
        return scheduled.Value;
    }

    public async Task<AgendaItem> AddAsync(Meeting meeting, Matter matter)
    {
        var added = await Meetings.AddItemAsync(Id, meeting.Id, matter.Id, new AgendaItemRequest([], ["城关镇请示〔2026〕8号", "报价单三份"]), this["赵敏"]);
        Assert.True(added.IsOk, added.ToString());
        return added.Value;
    }

    /// <summary>The meeting opens at its time (R43: never before its day): the clock moves on to it first.</summary>
    public async Task OpenAsync(Meeting meeting)
    {
        if (Database.Time.GetUtcNow() < meeting.ScheduledAt)
        {
            Database.Time.SetUtcNow(meeting.ScheduledAt);
        }

        var opened = await Meetings.OpenAsync(Id, meeting.Id, this["赵敏"]);
        Assert.True(opened.IsOk, opened.ToString());
    }

    /// <summary>Marks the named members present and every other member absent (出差).</summary>
    public async Task AttendAsync(Meeting meeting, params string[] present)
    {
        foreach (var name in Team)
        {
            var result = present.Contains(name)
                ? await Meetings.MarkPresentAsync(Id, meeting.Id, this[name], this["赵敏"])
                : await Meetings.MarkAbsentAsync(Id, meeting.Id, this[name], "赴县里参加培训", this["赵敏"]);
            Assert.True(result.IsOk, result.ToString());
        }
    }

    public Task<Result<Opinion>> SayAsync(Meeting meeting, AgendaItem item, string name, OpinionKind kind = OpinionKind.Agree, string reason = "同意") =>
        Meetings.RecordOpinionAsync(Id, meeting.Id, item.Id, this[name], kind, reason, this["赵敏"]);

    public async Task SaidAsync(Meeting meeting, AgendaItem item, string name, OpinionKind kind = OpinionKind.Agree, string reason = "同意")
    {
        var said = await SayAsync(meeting, item, name, kind, reason);
        Assert.True(said.IsOk, said.ToString());
    }

    public Task AssertLedgerIntactAsync() => Database.AssertLedgerIntactAsync();

    /// <summary>
    /// The whole team meets on the matter (waiting for its collective decision): everyone agrees, the
    /// principals last, and the recorder approves it at <paramref name="decided"/> (null: as proposed).
    /// When that is recorded, the minutes are drawn up and signed by all, which binds the matter (R43).
    /// </summary>
    public async Task<Result<ItemOutcome>> DecideAsync(Matter matter, decimal? decided = null, string title = "2026年第3次党委会")
    {
        var now = Database.Time.GetUtcNow();
        var meeting = await ScheduleAsync(title, now < MeetingAt ? MeetingAt : now.AddDays(1));
        var item = await AddAsync(meeting, matter);
        await OpenAsync(meeting);
        await AttendAsync(meeting, Team);
        foreach (var name in new[] { "张伟", "刘洋", "陈明", "杨帆", "李秀英", "王建国" })
        {
            await SaidAsync(meeting, item, name);
        }

        var approved = await Meetings.ApproveAsync(Id, meeting.Id, item.Id, decided, null, this["赵敏"]);
        if (!approved.IsOk)
        {
            Assert.True((await Meetings.DeferAsync(Id, meeting.Id, item.Id, "预算不足，暂缓", this["赵敏"])).IsOk);
        }

        var minutes = await Meetings.DrawUpMinutesAsync(Id, meeting.Id, this["赵敏"]);
        Assert.True(minutes.IsOk, minutes.ToString());
        foreach (var name in Team)
        {
            var signed = await Meetings.SignMinutesAsync(Id, meeting.Id, minutes.Value.Id, this[name]);
            Assert.True(signed.IsOk, signed.ToString());
        }

        return approved;
    }

    public static void AssertRefused<T>(Result<T> result, string rule, string? says = null)
    {
        Assert.False(result.IsOk, $"expected a refusal naming {rule}");
        Assert.Equal(rule, result.Refusal!.RuleId);
        if (says is not null)
        {
            Assert.Contains(says, result.Refusal.Reason, StringComparison.Ordinal);
        }
    }
}

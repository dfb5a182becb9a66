using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Meetings;

/// <summary>
/// A township's team (张建国 party secretary and chair, 李秀英 township head, six deputies) and
/// matters brought to its collective-decision step, with helpers to record a meeting.
/// </summary>
public sealed class MeetingFixture
{
    public static readonly DateTimeOffset MeetingAt = new(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The six deputies, in a speaking order, then the two principals (chair last).</summary>
    public static readonly string[] Deputies = ["王志强", "刘海燕", "陈明", "杨伟", "赵丽", "黄涛"];

    public static readonly string[] Team = [.. Deputies, "李秀英", "张建国"];

    public MeetingFixture(TestOrg? org = null)
    {
        Org = org ?? TestOrg.Township();
        View = Org.View();
    }

    public TestOrg Org { get; }

    public OrganizationSnapshot View { get; }

    public PersonId this[string name] => Org[name];

    /// <summary>A staff expense above the collective limit, reviewed by the office and the finance deputy.</summary>
    public Matter CollectiveExpense(decimal amount = 12_000m, string initiator = "孙磊", InitiatorKind kind = InitiatorKind.Staff, Payee? payee = null)
    {
        var matter = Org.Submit(MatterKind.Expense, amount, initiator, kind, TestRoutes.CollectiveExpense, payee);
        Org.Done(matter, "周敏", ActionKind.Review);
        Org.Done(matter, "王志强", ActionKind.Review);
        Assert.Equal(StepKind.CollectiveDecision, matter.CurrentStep!.Kind);
        return matter;
    }

    /// <summary>A transfer in (调入) proposed by the personnel deputy and assessed by the office (R11, R14).</summary>
    public Matter TransferIn()
    {
        var matter = Org.Submit(MatterKind.TransferIn, 0m, "吴斌", InitiatorKind.Section, TestRoutes.TransferIn, Payee.None);
        Org.Done(matter, "刘海燕", ActionKind.Propose);
        Org.Done(matter, "周敏", ActionKind.Assess);
        Assert.Equal(StepKind.CollectiveDecision, matter.CurrentStep!.Kind);
        return matter;
    }

    public Meeting Schedule(DecisionRules? rules = null, string chair = "张建国", DateTimeOffset? at = null)
    {
        var result = Meeting.Schedule(new ScheduleMeeting(Org.County, Org.Unit, MeetingKind.PartyCommittee, "2025年第5次党委会", at ?? MeetingAt, Org[chair], rules), View, TestOrg.Now);
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    public AgendaItem Add(Meeting meeting, Matter matter, AgendaItemRequest? request = null, params Meeting[] others)
    {
        var result = meeting.AddItem(matter, request ?? new AgendaItemRequest([], ["请示〔2025〕12号"]), others, TestOrg.Now);
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    /// <summary>Opens the meeting at its time (R43: never before its day), or at <see cref="MeetingAt"/> when that is later.</summary>
    public void Open(Meeting meeting, params DeclaredRelation[] relations) =>
        Assert.True(meeting.Open(relations, View, meeting.ScheduledAt > MeetingAt ? meeting.ScheduledAt : MeetingAt).IsOk);

    /// <summary>Marks the named members present and every other member absent (出差).</summary>
    public void Attend(Meeting meeting, params string[] present)
    {
        foreach (var name in Team)
        {
            var result = present.Contains(name)
                ? meeting.MarkPresent(Org[name], MeetingAt)
                : meeting.MarkAbsent(Org[name], "出差", MeetingAt);
            Assert.True(result.IsOk, result.ToString());
        }
    }

    public Result<Opinion> Say(Meeting meeting, AgendaItem item, string name, OpinionKind kind = OpinionKind.Agree) =>
        meeting.RecordOpinion(item.Id, Org[name], kind, kind == OpinionKind.Agree ? "同意" : "理由：预算不足", MeetingAt.AddMinutes(5));

    public void Said(Meeting meeting, AgendaItem item, string name, OpinionKind kind = OpinionKind.Agree)
    {
        var result = Say(meeting, item, name, kind);
        Assert.True(result.IsOk, result.ToString());
    }

    public Result<ItemOutcome> Approve(Meeting meeting, AgendaItem item, Matter matter, decimal? amount = null, string? conditions = null) =>
        meeting.Approve(item.Id, matter, amount, conditions, Org["周敏"], MeetingAt.AddHours(1));

    public Result<ItemOutcome> Reject(Meeting meeting, AgendaItem item, Matter matter) =>
        meeting.Reject(item.Id, matter, "经费不足，不予同意", Org["周敏"], MeetingAt.AddHours(1));

    /// <summary>A meeting on one matter with everyone present; everyone agrees, deputies first, the chair last; approved.</summary>
    public (Meeting Meeting, AgendaItem Item) ApprovedMeeting(Matter matter, decimal? amount = null)
    {
        var meeting = Schedule();
        var item = Add(meeting, matter, matter.Area == Area.Personnel ? new AgendaItemRequest([Org["孙磊"]], ["考察报告〔2025〕3号"]) : null);
        Open(meeting);
        Attend(meeting, Team);
        foreach (var name in Team.Where(n => !meeting.IsRecused(item.Id, Org[n])))
        {
            Said(meeting, item, name);
        }

        var approved = Approve(meeting, item, matter, amount);
        Assert.True(approved.IsOk, approved.ToString());
        return (meeting, item);
    }

    /// <summary>Draws up the minutes and has every member present sign them: the outcomes bind their matters (R43).</summary>
    public MinutesRecord SignAll(Meeting meeting, params Matter[] matters)
    {
        var drawn = meeting.DrawUpMinutes(MeetingAt.AddHours(2));
        Assert.True(drawn.IsOk, drawn.ToString());
        foreach (var signer in drawn.Value.Content.RequiredSigners)
        {
            var signed = meeting.SignMinutes(drawn.Value.Id, signer, null, id => matters.FirstOrDefault(m => m.Id == id), MeetingAt.AddHours(3));
            Assert.True(signed.IsOk, signed.ToString());
        }

        return drawn.Value;
    }

    /// <summary>The matter decided in a meeting (everyone agrees) whose minutes everyone present signed: bound.</summary>
    public Meeting DecideInMeeting(Matter matter, decimal? amount = null)
    {
        var (meeting, _) = ApprovedMeeting(matter, amount);
        SignAll(meeting, matter);
        return meeting;
    }

    /// <summary>R6: the matter's team-informing step heard in a meeting whose minutes everyone present signed.</summary>
    public Meeting NoteInMeeting(Matter matter)
    {
        var meeting = Schedule();
        var item = Add(meeting, matter);
        Open(meeting);
        Attend(meeting, Team);
        var noted = meeting.Note(item.Id, matter, Org["周敏"], MeetingAt.AddHours(1));
        Assert.True(noted.IsOk, noted.ToString());
        SignAll(meeting, matter);
        return meeting;
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

    public static void AssertRefused(Outcome result, string rule, string? says = null)
    {
        Assert.False(result.IsOk, $"expected a refusal naming {rule}");
        Assert.Equal(rule, result.Refusal!.RuleId);
        if (says is not null)
        {
            Assert.Contains(says, result.Refusal.Reason, StringComparison.Ordinal);
        }
    }
}

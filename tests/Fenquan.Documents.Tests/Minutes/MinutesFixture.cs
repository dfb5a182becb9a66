using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Documents.Tests.Minutes;

/// <summary>
/// A meeting of 城关镇's team on a 12,000-yuan expense, recorded in memory through the core: the
/// initiator 陈明 recused, 刘洋 recused by declaration, 杨帆 absent, the deputies first and the
/// chair 王建国 last, approved at 11,500 yuan with a condition, signed by all attendees but one.
/// </summary>
public sealed class MinutesFixture
{
    public static readonly DateTimeOffset MeetingAt = new(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Dictionary<string, PersonId> _people = [];

    public MinutesFixture()
    {
        var county = CountyId.New();
        var unit = UnitId.New();
        var start = new DateOnly(2026, 1, 5);
        var people = new List<Person>();
        var memberships = new List<Membership>();
        foreach (var (name, role) in new[]
        {
            ("王建国", Role.Principal), ("李秀英", Role.Principal), ("张伟", Role.Deputy), ("刘洋", Role.Deputy),
            ("陈明", Role.Deputy), ("杨帆", Role.Deputy), ("赵敏", Role.OfficeReviewer),
        })
        {
            var id = PersonId.New();
            _people[name] = id;
            people.Add(new Person(id, county, name));
            memberships.Add(new Membership(Guid.CreateVersion7(), county, unit, id, role, start));
        }

        var org = new OrganizationSnapshot(county, memberships, [], people);
        var now = MeetingAt.AddDays(-3);
        var route = new Route([new RouteStep(StepKind.Review, ActorSpec.Office), new RouteStep(StepKind.CollectiveDecision, ActorSpec.Team)], ["R5"]);
        Matter = Ok(Matter.Submit(
            new SubmitMatter(county, unit, MatterKind.Expense, "购置会议室音响设备", 12_000m, Payee.Counterparty(new Fenquan.Core.Primitives.CounterpartyId(Guid.Parse("01900000-0000-7000-8000-000000000001")), "清河县鑫达办公设备有限公司"), this["陈明"], InitiatorKind.Deputy, MatterFlags.None, new DateOnly(2026, 3, 2)),
            route, PolicyVersionId.New(), org, now));
        Ok(Matter.Act(new ActRequest(this["赵敏"], ActionKind.Review, "票据齐全"), org, now));

        Meeting = Ok(Meeting.Schedule(new ScheduleMeeting(county, unit, MeetingKind.PartyCommittee, "2026年第3次党委会", MeetingAt, this["王建国"]), org, now));
        var item = Ok(Meeting.AddItem(Matter, new AgendaItemRequest([], ["城关镇请示〔2026〕8号", "报价单三份"]), [], now));
        Ok(Meeting.Open([], org, MeetingAt));
        foreach (var name in new[] { "王建国", "李秀英", "张伟", "刘洋", "陈明" })
        {
            Ok(Meeting.MarkPresent(this[name], MeetingAt));
        }

        Ok(Meeting.MarkAbsent(this["杨帆"], "赴县里参加培训", MeetingAt));
        Ok(Meeting.DeclareRecusal(item.Id, this["刘洋"], "与供应商负责人系同学关系", MeetingAt.AddMinutes(5)));
        Ok(Meeting.RecordOpinion(item.Id, this["张伟"], OpinionKind.Agree, "同意，价格在市场区间内", MeetingAt.AddMinutes(10)));
        Ok(Meeting.RecordOpinion(item.Id, this["李秀英"], OpinionKind.Agree, "同意，压减至11500元", MeetingAt.AddMinutes(12)));
        Ok(Meeting.RecordOpinion(item.Id, this["王建国"], OpinionKind.Agree, "同意", MeetingAt.AddMinutes(15)));
        Ok(Meeting.Approve(item.Id, Matter, 11_500m, "凭正式发票据实报销", this["赵敏"], MeetingAt.AddMinutes(20)));
        Record = Ok(Meeting.DrawUpMinutes(MeetingAt.AddMinutes(40)));
        foreach (var name in new[] { "王建国", "李秀英", "张伟", "陈明" })
        {
            Ok(Meeting.SignMinutes(Record.Id, this[name], null, _ => null, MeetingAt.AddHours(2)));
        }
    }

    public Matter Matter { get; }

    public Meeting Meeting { get; }

    public MinutesRecord Record { get; }

    public PersonId this[string name] => _people[name];

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    private static void Ok(Outcome outcome) => Assert.True(outcome.IsOk, outcome.ToString());
}

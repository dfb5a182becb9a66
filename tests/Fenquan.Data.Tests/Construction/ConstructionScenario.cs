using Fenquan.Core.Construction;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Construction;

/// <summary>
/// A construction project of 城关镇 (see <see cref="TestCounty"/>: 杨帆 is the deputy in charge of
/// construction, 吴斌 the section head who proposes, 赵敏 the office), driven through the real
/// operations, its matters through their routes and its collective decisions through real meetings.
/// </summary>
public sealed class ConstructionScenario
{
    private int _count;

    private ConstructionScenario(MeetingScenario meetings, PersonId finance)
    {
        Meetings = meetings;
        Finance = finance;
    }

    public MeetingScenario Meetings { get; }

    public TestCounty County => Meetings.County;

    public TestDatabase Database => County.Database;

    public CountyId Id => County.County;

    public PersonId Finance { get; }

    public ConstructionOperations Projects => new(Database.Writer, County.Matters);

    public PaymentOperations Payments => new(Database.Writer);

    public PersonId this[string name] => County[name];

    public DateOnly Today => DateOnly.FromDateTime(Database.Time.GetUtcNow().UtcDateTime);

    public static async Task<ConstructionScenario> CreateAsync(TestDatabase database)
    {
        var meetings = await MeetingScenario.CreateAsync(database);
        var finance = await meetings.County.AddPersonAsync("钱会计", Role.FinanceStaff);
        return new ConstructionScenario(meetings, finance);
    }

    public CounterpartyId Company(string name)
    {
        using var db = Database.Context();
        return CounterpartyOperations.Named(db, Id, name).Single().Id;
    }

    /// <summary>吴斌 proposes the project (立项); it goes to its route.</summary>
    public async Task<ConstructionProject> ProposeAsync(decimal budget, string title = "城关镇文化广场改造工程")
    {
        var proposed = await Projects.ProposeAsync(new SubmitMatter(Id, County.Unit, MatterKind.ConstructionProject, title, budget, Payee.None, this["吴斌"], InitiatorKind.Section, MatterFlags.None, Today));
        Assert.True(proposed.IsOk, proposed.ToString());
        return proposed.Value;
    }

    /// <summary>Takes the matter through every step of its route: people's steps by whoever may act, the team's in a meeting whose minutes all present sign.</summary>
    public async Task<Matter> DecideAsync(MatterId matterId)
    {
        while (true)
        {
            var matter = Load(matterId);
            if (matter.CurrentStep is not { } step)
            {
                return matter;
            }

            if (step.Kind == StepKind.CollectiveDecision)
            {
                await MeetAsync(matter);
                continue;
            }

            await using var db = Database.Context();
            var actor = matter.WhoMayActNow(OrganizationOperations.LoadUnitView(db, Id, County.Unit)).First();
            var reference = step.Kind is StepKind.HandOff or StepKind.PublicNotice ? "清河县公共资源交易中心〔2026〕" + (matter.CurrentStepIndex + 1) : null;
            var acted = await County.Matters.ActAsync(Id, matterId, new ActRequest(actor, StepActions.CompletingAction(step.Kind), "同意", reference));
            Assert.True(acted.IsOk, acted.ToString());
        }
    }

    public Matter Load(MatterId id)
    {
        using var db = Database.Context();
        return MatterOperations.Load(db, Id, id)!;
    }

    public ConstructionProject Project(Guid id)
    {
        using var db = Database.Context();
        return ConstructionOperations.Load(db, Id, id)!;
    }

    public RecordPayment Pay(decimal amount) =>
        new(Finance, amount, Payee.None, PaymentMethod.TreasuryDirect, "GK" + (++_count).ToString(System.Globalization.CultureInfo.InvariantCulture), Today);

    // A meeting of the whole team: deputies speak first, the chair last (末位表态); the matter's terms as submitted.
    private async Task MeetAsync(Matter matter)
    {
        var m = Meetings;
        var meeting = await m.ScheduleAsync($"2026年第{++_count}次党委会");
        var item = await m.AddAsync(meeting, matter);
        await m.OpenAsync(meeting);
        await m.AttendAsync(meeting, MeetingScenario.Team);
        foreach (var name in new[] { "张伟", "刘洋", "陈明", "杨帆", "李秀英", "王建国" })
        {
            var said = await m.SayAsync(meeting, item, name);
            Assert.True(said.IsOk || said.Refusal!.Reason.Contains("recused", StringComparison.Ordinal), said.ToString());
        }

        var approved = await m.Meetings.ApproveAsync(Id, meeting.Id, item.Id, null, null, this["赵敏"]);
        Assert.True(approved.IsOk, approved.ToString());
        var minutes = await m.Meetings.DrawUpMinutesAsync(Id, meeting.Id, this["赵敏"]);
        Assert.True(minutes.IsOk, minutes.ToString());
        foreach (var name in MeetingScenario.Team)
        {
            var signed = await m.Meetings.SignMinutesAsync(Id, meeting.Id, minutes.Value.Id, this[name]);
            Assert.True(signed.IsOk, signed.ToString());
        }
    }
}

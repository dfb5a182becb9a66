using Fenquan.Core.CountyChanges;
using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Tests.Operations;

/// <summary>
/// R40 end to end on <see cref="TestCounty"/>: the office reviewer 赵敏 (the unit administrator)
/// proposes, the team agrees in a meeting chaired by 王建国 whose minutes everyone present signs,
/// and two county officials approve. Every step through the real operations.
/// </summary>
public static class PolicyFlow
{
    public static readonly DateTimeOffset MeetingAt = new(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] Team = ["王建国", "李秀英", "张伟", "刘洋", "陈明", "杨帆"];

    // Deputies first, then the other principal, the chair last (末位表态).
    public static readonly string[] SpeakingOrder = ["张伟", "刘洋", "陈明", "杨帆", "李秀英", "王建国"];

    public static readonly CountyOfficial First = new("county-admin-1", "县管理员甲");

    public static readonly CountyOfficial Second = new("county-admin-2", "县管理员乙");

    public static DateOnly Today(TestCounty county) => DateOnly.FromDateTime(county.Database.Time.GetUtcNow().UtcDateTime);

    public static MeetingOperations Meetings(TestCounty county) => new(county.Database.Writer);

    /// <summary>R29: names 钱正清 for the county's discipline inspection (once), who is told of county approvals.</summary>
    public static async Task<PersonId> NameDisciplineInspectionAsync(TestCounty county)
    {
        await using (var db = county.Database.Context())
        {
            if (db.Counties.Single(c => c.Id == county.County).DisciplineInspectionId is { } named)
            {
                return named;
            }
        }

        var person = await county.Organization.AddPersonAsync(county.County, "钱正清");
        Assert.True(person.IsOk, person.ToString());
        var named2 = await new CountyChangeOperations(county.Database.Writer).NameDisciplineInspectionAsync(county.County, person.Value.Id, new Core.CountyChanges.CountyOfficial("admin", "王强"));
        Assert.True(named2.IsOk, named2.ToString());
        return person.Value.Id;
    }

    public static async Task<PolicyProposal> ProposeAsync(TestCounty county, PolicyDocument document, string summary = "调整小额支出限额")
    {
        var proposed = await county.Policies.ProposeAsync(county.County, county.Unit, new PolicyProposer(county["赵敏"], IsUnitAdministrator: true), summary, document, Today(county));
        Assert.True(proposed.IsOk, proposed.ToString());
        return proposed.Value;
    }

    /// <summary>A meeting that approves the proposal's item; with <paramref name="sign"/> its minutes are signed by all and final.</summary>
    public static async Task<Meeting> AgreeInMeetingAsync(TestCounty county, PolicyProposal proposal, bool sign = true)
    {
        var meetings = Meetings(county);
        var meeting = await meetings.ScheduleAsync(new ScheduleMeeting(county.County, county.Unit, MeetingKind.PartyCommittee, "2026年第2次党委会", MeetingAt, county["王建国"]), county["赵敏"]);
        Assert.True(meeting.IsOk, meeting.ToString());
        var id = meeting.Value.Id;
        var item = await county.Policies.TableAsync(county.County, id, proposal.Id);
        Assert.True(item.IsOk, item.ToString());
        Assert.True((await meetings.OpenAsync(county.County, id, county["赵敏"])).IsOk);
        foreach (var name in Team)
        {
            Assert.True((await meetings.MarkPresentAsync(county.County, id, county[name], county["赵敏"])).IsOk);
        }

        foreach (var name in SpeakingOrder)
        {
            var said = await meetings.RecordOpinionAsync(county.County, id, item.Value.Id, county[name], OpinionKind.Agree, "同意", county["赵敏"]);
            Assert.True(said.IsOk, said.ToString());
        }

        var approved = await county.Policies.ApproveItemAsync(county.County, id, item.Value.Id, county["王建国"]);
        Assert.True(approved.IsOk, approved.ToString());
        var minutes = await meetings.DrawUpMinutesAsync(county.County, id, county["赵敏"]);
        Assert.True(minutes.IsOk, minutes.ToString());
        if (sign)
        {
            foreach (var name in Team)
            {
                var signed = await meetings.SignMinutesAsync(county.County, id, minutes.Value.Id, county[name]);
                Assert.True(signed.IsOk, signed.ToString());
            }
        }

        return meeting.Value;
    }

    /// <summary>Proposed, agreed in a meeting, approved by two county officials: the published version.</summary>
    public static async Task<PolicyVersion> PublishAsync(TestCounty county, PolicyDocument document)
    {
        var proposal = await ProposeAsync(county, document);
        var meeting = await AgreeInMeetingAsync(county, proposal);
        var agreed = await county.Policies.RecordAgreementAsync(county.County, proposal.Id, meeting.Id);
        Assert.True(agreed.IsOk, agreed.ToString());
        await NameDisciplineInspectionAsync(county);
        var first = await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, First, null, Today(county));
        Assert.True(first.IsOk, first.ToString());
        var second = await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, Second, null, Today(county));
        Assert.True(second.IsOk, second.ToString());
        return second.Value.Version!;
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Demo;

/// <summary>
/// A seeded matter's team step decided as real use decides it (R43): a meeting of the unit's team on
/// the matter, everyone present, the deputies' opinions first and the chair's last (末位表态), the
/// outcome recorded by the office, the minutes drawn up and signed by every member present — with
/// the last signature the outcome binds the matter. Built through the core alone, for the bulk
/// seeder, which adds the meeting's rows to its batch.
/// </summary>
internal static class DemoMeeting
{
    /// <summary>Members who have not signed yet the minutes of the demo's meeting awaiting signatures.</summary>
    public const int Unsigned = 2;

    public static Meeting Decide(Matter matter, OrganizationSnapshot org, DateTimeOffset at, bool approve) => Hold(matter, org, at, approve, unsigned: 0);

    /// <summary>
    /// As <see cref="Decide"/>, but the last <paramref name="unsigned"/> members present have not
    /// signed the minutes yet: the meeting is closed and holds the matter until they do.
    /// </summary>
    public static Meeting Hold(Matter matter, OrganizationSnapshot org, DateTimeOffset at, bool approve, int unsigned)
    {
        var meeting = Schedule([matter], org, at, at);
        var item = meeting.Items[0];
        var recorder = Recorder(matter, org, meeting.MeetingDate);
        var chair = meeting.ChairId;
        Ok(meeting.Open([], org, at));
        foreach (var member in meeting.Members)
        {
            Ok(meeting.MarkPresent(member.PersonId, at));
        }

        if (matter.CurrentStep is { Kind: StepKind.InformTeam })
        {
            Ok(meeting.Note(item.Id, matter, recorder, at));
        }
        else
        {
            var speakers = meeting.EntitledOn(item.Id).OrderBy(p => meeting.Members.First(m => m.PersonId == p).IsPrincipal).ThenBy(p => p == chair);
            foreach (var speaker in speakers)
            {
                Ok(meeting.RecordOpinion(item.Id, speaker, approve ? OpinionKind.Agree : OpinionKind.Disagree, approve ? "同意。" : "依据不足，不同意。", at));
            }

            Ok(approve
                ? meeting.Approve(item.Id, matter, null, "按规定程序办理。", recorder, at)
                : meeting.Reject(item.Id, matter, "经集体研究，不予同意。", recorder, at));
        }

        var minutes = Ok(meeting.DrawUpMinutes(at));
        var signers = minutes.Content.RequiredSigners;
        foreach (var signer in signers.Take(signers.Count - unsigned))
        {
            Ok(meeting.SignMinutes(minutes.Id, signer, null, id => id == matter.Id ? matter : null, at));
        }

        return meeting;
    }

    /// <summary>A meeting of the matters' unit's team at <paramref name="scheduledAt"/>, chaired by its first principal, with the matters on its agenda.</summary>
    public static Meeting Schedule(IReadOnlyList<Matter> matters, OrganizationSnapshot org, DateTimeOffset scheduledAt, DateTimeOffset now)
    {
        var first = matters[0];
        var day = DateOnly.FromDateTime(scheduledAt.UtcDateTime);
        var chair = org.Principals(first.UnitId, day)[0];
        var meeting = Ok(Meeting.Schedule(new ScheduleMeeting(first.CountyId, first.UnitId, MeetingKind.TeamMeeting, $"{day:yyyy-MM-dd} 班子会议", scheduledAt, chair), org, now));
        foreach (var matter in matters)
        {
            // R11: a personnel item names the person it concerns (recused with their relatives).
            PersonId[] concerned = matter.Area == Area.Personnel
                ? [org.PeopleWithRole(matter.UnitId, Role.Staff, day).First(p => p != matter.InitiatorId)]
                : [];
            Ok(meeting.AddItem(matter, new AgendaItemRequest(concerned, ["请示及相关材料"]), [], now));
        }

        return meeting;
    }

    private static PersonId Recorder(Matter matter, OrganizationSnapshot org, DateOnly day) =>
        org.PeopleWithRole(matter.UnitId, Role.OfficeReviewer, day).First(p => p != matter.InitiatorId && p != matter.Payee.PersonId);

    /// <summary>The rows a seeded meeting adds (each one ledger entry).</summary>
    public static long RowCount(Meeting meeting) =>
        1 + meeting.Members.Count + meeting.Items.Count + meeting.Attendances.Count + meeting.Recusals.Count + meeting.Opinions.Count
        + meeting.Outcomes.Count + meeting.MinutesRecords.Sum(m => 1 + m.Signatures.Count + m.Explanations.Count);

    private static T Ok<T>(Result<T> result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"The seeded meeting broke a rule: {result.Refusal}");

    private static void Ok(Outcome outcome)
    {
        if (!outcome.IsOk)
        {
            throw new InvalidOperationException($"The seeded meeting broke a rule: {outcome.Refusal}");
        }
    }
}

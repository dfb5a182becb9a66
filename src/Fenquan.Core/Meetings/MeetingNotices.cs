using System.Globalization;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// Who is told what about a meeting (R43: "members are notified in the application"): the team
/// frozen on the meeting (<see cref="Meeting.MembersToNotify"/>) when it is scheduled, when an item
/// joins its agenda and when it is cancelled; the attendees who must sign when minutes are drawn
/// up or corrected. Pure: the operations add these rows in the same unit of work as the change.
/// </summary>
public static class MeetingNotices
{
    public static IReadOnlyList<Notification> Scheduled(Meeting meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var when = meeting.ScheduledAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return ToMembers(meeting, NotificationKind.MeetingScheduled, [meeting.Title, when], now);
    }

    public static IReadOnlyList<Notification> ItemAdded(Meeting meeting, AgendaItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        return ToMembers(meeting, NotificationKind.AgendaItemAdded, [meeting.Title, item.Number.ToString(CultureInfo.InvariantCulture), item.Title], now);
    }

    public static IReadOnlyList<Notification> Cancelled(Meeting meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return ToMembers(meeting, NotificationKind.MeetingCancelled, [meeting.Title, meeting.CancelReason], now);
    }

    /// <summary>Every attendee whose signature the record still misses.</summary>
    public static IReadOnlyList<Notification> MinutesToSign(Meeting meeting, MinutesRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(record);
        return record.MissingSignatures
            .Select(p => Notification.To(meeting.CountyId, p, NotificationKind.MinutesToSign, meeting.Id.Value, [meeting.Title, record.Version.ToString(CultureInfo.InvariantCulture)], now))
            .ToList();
    }

    /// <summary>
    /// R43: each attendee who has not signed the current minutes within the signing period, reported
    /// once per minutes version to each of the unit's discipline members (<paramref name="reported"/>:
    /// the (recipient, member, version) already told).
    /// </summary>
    public static IReadOnlyList<Notification> SignaturesOverdue(Meeting meeting, IReadOnlyList<PersonId> disciplineMembers, DateOnly today, Calendar.WorkingCalendar calendar, IReadOnlyCollection<(PersonId Recipient, string Member, string Version)> reported, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(disciplineMembers);
        ArgumentNullException.ThrowIfNull(reported);
        if (meeting.CurrentMinutes is not { } record)
        {
            return [];
        }

        var version = record.Version.ToString(CultureInfo.InvariantCulture);
        return [.. from member in meeting.OverdueSigners(today, calendar)
                   let name = meeting.Members.FirstOrDefault(m => m.PersonId == member)?.Name ?? member.ToString()
                   from recipient in disciplineMembers
                   where !reported.Contains((recipient, name, version))
                   select Notification.To(meeting.CountyId, recipient, NotificationKind.SignatureOverdue, meeting.Id.Value, [meeting.Title, name, version], now)];
    }

    /// <summary>
    /// The unread requests to sign this meeting's minutes that are answered: the person signed (or
    /// their missing signature was recorded), or, with <paramref name="person"/> null, a correction
    /// superseded every earlier version. Each is settled so the unread count stays right.
    /// </summary>
    public static int SettleSigned(Meeting meeting, PersonId? person, IEnumerable<Notification> unread, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(unread);
        var answered = unread.Where(n => n.Kind == NotificationKind.MinutesToSign && n.SubjectId == meeting.Id.Value && !n.IsRead && (person is null || n.RecipientId == person)).ToList();
        foreach (var notice in answered)
        {
            notice.Settle(now);
        }

        return answered.Count;
    }

    private static List<Notification> ToMembers(Meeting meeting, NotificationKind kind, string[] args, DateTimeOffset now) =>
        meeting.MembersToNotify.Distinct().Select(p => Notification.To(meeting.CountyId, p, kind, meeting.Id.Value, args, now)).ToList();
}

using System.Globalization;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// Who is told about a change to route-deciding county data: the county's discipline inspection
/// (纪委监委), when it is proposed and when it takes effect, so that no county official changes
/// what decides routes unwatched (R29, R40). Pure: the operations add these rows in the same unit
/// of work as the change.
/// </summary>
public static class CountyChangeNotices
{
    public static IReadOnlyList<Notification> Proposed(CountyChange change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        return To(change, disciplineInspection, NotificationKind.CountyChangeProposed, change.ProposedByName, now);
    }

    public static IReadOnlyList<Notification> Confirmed(CountyChange change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        return To(change, disciplineInspection, NotificationKind.CountyChangeConfirmed, change.ConfirmedByName ?? string.Empty, now);
    }

    /// <summary>
    /// The former liaison is told who receives the notices now, so that the watcher of county data
    /// is never replaced unnoticed (R29).
    /// </summary>
    public static IReadOnlyList<Notification> LiaisonReplaced(CountyId county, PersonId? former, PersonId next, string nextName, CountyOfficial by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        return former is { } person && person != next
            ? [Notification.To(county, person, NotificationKind.DisciplineInspectionReplaced, next.Value, [nextName, by.Name], now)]
            : [];
    }

    private static List<Notification> To(CountyChange change, IEnumerable<PersonId> recipients, NotificationKind kind, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        string[] args = [change.Subject.ToString(), change.Number.ToString(CultureInfo.InvariantCulture), change.Summary, by];
        return [.. recipients.Distinct().Select(p => Notification.To(change.CountyId, p, kind, change.Id, args, now))];
    }
}

using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyAdministration;

/// <summary>
/// The county's discipline inspection is told when a change to who administers the county is
/// proposed and when it takes effect (R29, R40), as for route-deciding county data
/// (<see cref="CountyChanges.CountyChangeNotices"/>): the administrators confirm those changes.
/// Text arguments: the kind in Chinese (授予/撤销), the account, who acted.
/// </summary>
public static class AdministratorNotices
{
    public static IReadOnlyList<Notification> Proposed(AdministratorGrant change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        return To(change, disciplineInspection, NotificationKind.AdministratorChangeProposed, change.ProposedByName, now);
    }

    public static IReadOnlyList<Notification> Confirmed(AdministratorGrant change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var by = change.Bootstrap ? change.ConfirmedByName + " (bootstrap: the county's only administrator)" : change.ConfirmedByName;
        return To(change, disciplineInspection, NotificationKind.AdministratorChangeConfirmed, by ?? string.Empty, now);
    }

    private static List<Notification> To(AdministratorGrant change, IEnumerable<PersonId> recipients, NotificationKind kind, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        string[] args = [change.Kind == AdministratorChangeKind.Grant ? "授予 grant" : "撤销 revoke", change.Account, by];
        return [.. recipients.Distinct().Select(p => Notification.To(change.CountyId, p, kind, change.Id, args, now))];
    }
}

using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyAdministration;

/// <summary>
/// The county's discipline inspection is told when a change to who administers the county is
/// proposed and when it takes effect (R29, R40), as for route-deciding county data
/// (<see cref="CountyChanges.CountyChangeNotices"/>): the administrators confirm those changes.
/// Text arguments (culture-neutral, the page looks them up): the kind (Grant/Revoke), the account,
/// who acted, and <see cref="BootstrapMark"/> when the county's first administrator confirmed themselves.
/// </summary>
public static class AdministratorNotices
{
    /// <summary>The fourth argument of a confirmation that was the bootstrap (the county's only administrator).</summary>
    public const string BootstrapMark = "Bootstrap";

    public static IReadOnlyList<Notification> Proposed(AdministratorGrant change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        return To(change, disciplineInspection, NotificationKind.AdministratorChangeProposed, change.ProposedByName, now);
    }

    public static IReadOnlyList<Notification> Confirmed(AdministratorGrant change, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        return To(change, disciplineInspection, NotificationKind.AdministratorChangeConfirmed, change.ConfirmedByName ?? string.Empty, now, change.Bootstrap ? BootstrapMark : string.Empty);
    }

    private static List<Notification> To(AdministratorGrant change, IEnumerable<PersonId> recipients, NotificationKind kind, string by, DateTimeOffset now, string bootstrap = "")
    {
        ArgumentNullException.ThrowIfNull(recipients);
        string[] args = [change.Kind.ToString(), change.Account, by, bootstrap];
        return [.. recipients.Distinct().Select(p => Notification.To(change.CountyId, p, kind, change.Id, args, now))];
    }
}

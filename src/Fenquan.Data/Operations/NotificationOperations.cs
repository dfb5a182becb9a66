using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// A person's in-application notifications (R43: members are notified of meetings). They are
/// created by the operations whose change they announce, in the same unit of work; here they are
/// read and marked read — only by their recipient, and the mark is ledgered like every change.
/// </summary>
public sealed class NotificationOperations(LedgerWriter writer)
{
    /// <summary>
    /// The recipient marks a notification read. Someone else's notification does not exist for the
    /// asker (NotFound); marking a read one again changes and ledgers nothing.
    /// </summary>
    public Task<Result<Notification>> MarkReadAsync(CountyId county, Guid id, PersonId by) =>
        writer.ExecuteAsync(county, "notification.read", ctx =>
        {
            var notification = ctx.Db.Set<Notification>().SingleOrDefault(n => n.Id == id && n.CountyId == county);
            if (notification is null || notification.RecipientId != by)
            {
                return Refusal.NotFound("Notification " + id.ToString("D"));
            }

            var read = notification.MarkRead(by, ctx.Now);
            return read.IsOk ? Result<Notification>.Ok(notification) : read.Refusal!;
        });

    /// <summary>The person's notifications, newest first (at most <paramref name="take"/>).</summary>
    public static IReadOnlyList<Notification> For(FenquanDbContext db, CountyId county, PersonId person, int take = 200)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Ids are Guid v7, so their order is the creation order on both databases.
        return [.. db.Set<Notification>().AsNoTracking().Where(n => n.CountyId == county && n.RecipientId == person).OrderByDescending(n => n.Id).Take(take)];
    }

    /// <summary>How many of the person's notifications are unread.</summary>
    public static int UnreadCount(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Notification>().AsNoTracking().Count(n => n.CountyId == county && n.RecipientId == person && n.ReadAt == null);
    }
}

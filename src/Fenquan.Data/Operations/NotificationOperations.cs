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

    /// <summary>
    /// The person chooses how to hear of their notifications (in-app only, or plus a daily digest).
    /// Only for themselves: the caller passes the signed-in person, never one named in a request.
    /// </summary>
    public Task<Result<NotificationPreference>> ChooseDeliveryAsync(CountyId county, PersonId person, NotificationDelivery delivery) =>
        writer.ExecuteAsync(county, "notification.preference", ctx =>
        {
            var kept = ctx.Db.Set<NotificationPreference>().SingleOrDefault(p => p.CountyId == county && p.PersonId == person);
            if (kept is null)
            {
                var chosen = NotificationPreference.Choose(county, person, delivery, ctx.Now);
                if (chosen.IsOk)
                {
                    ctx.Db.Add(chosen.Value);
                }

                return chosen;
            }

            var changed = kept.Change(delivery, ctx.Now);
            return changed.IsOk ? Result<NotificationPreference>.Ok(kept) : changed.Refusal!;
        });

    /// <summary>How the person chose to hear of their notifications; in-app only until they choose.</summary>
    public static NotificationDelivery DeliveryOf(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<NotificationPreference>().AsNoTracking().Where(p => p.CountyId == county && p.PersonId == person).Select(p => (NotificationDelivery?)p.Delivery).SingleOrDefault()
            ?? NotificationDelivery.InApp;
    }

    /// <summary>The person's notifications created on <paramref name="day"/> (China time), oldest first: the daily digest's rows.</summary>
    public static IReadOnlyList<Notification> OnDay(FenquanDbContext db, CountyId county, PersonId person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var until = from.AddDays(1);

        // By recipient first (indexed), then the day: a person has a few hundred notifications at most a month.
        return [.. db.Set<Notification>().AsNoTracking().Where(n => n.CountyId == county && n.RecipientId == person).OrderBy(n => n.Id)
            .AsEnumerable().Where(n => n.CreatedAt >= from && n.CreatedAt < until)];
    }

    /// <summary>How many of the person's notifications are unread.</summary>
    public static int UnreadCount(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Notification>().AsNoTracking().Count(n => n.CountyId == county && n.RecipientId == person && n.ReadAt == null);
    }
}

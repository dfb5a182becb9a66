using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Webhooks;

/// <summary>
/// The outbound webhook's queue and delivery log. The notifications table is the outbox: the sender
/// picks up notifications that have no delivery row yet, so the actions that create notifications
/// (an approval, a submission) write nothing more and are not slowed by it.
/// </summary>
public static class WebhookOperations
{
    private const int Page = 200;

    /// <summary>
    /// Notifications of the county created since <paramref name="since"/> with no delivery row yet,
    /// oldest first, each with its recipient's staff number (the one thing a gateway needs of them).
    /// Newest first by id (Guid v7, creation order), a page at a time until a page holds none new.
    /// </summary>
    public static IReadOnlyList<(Notification Notification, string? StaffNumber)> Undelivered(FenquanDbContext db, CountyId county, DateTimeOffset since, int max = 2_000)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = new List<Notification>();
        for (var skip = 0; skip < max; skip += Page)
        {
            var page = db.Set<Notification>().AsNoTracking().Where(n => n.CountyId == county).OrderByDescending(n => n.Id).Skip(skip).Take(Page).ToList();
            var recent = page.Where(n => n.CreatedAt >= since).ToList();
            var ids = recent.Select(n => n.Id).ToList();
            var queued = db.Set<WebhookDelivery>().AsNoTracking().Where(d => ids.Contains(d.NotificationId)).Select(d => d.NotificationId).ToHashSet();
            var fresh = recent.Where(n => !queued.Contains(n.Id)).ToList();
            found.AddRange(fresh);
            if (page.Count < Page || fresh.Count < page.Count)
            {
                break;
            }
        }

        var people = found.Select(n => n.RecipientId).Distinct().ToList();
        var numbers = db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.StaffNumber }).ToDictionary(p => p.Id, p => p.StaffNumber);
        return [.. found.OrderBy(n => n.Id).Select(n => (n, numbers.GetValueOrDefault(n.RecipientId)))];
    }

    /// <summary>Queues one delivery per payload, due now; a notification queued by another sender meanwhile is skipped by the unique index.</summary>
    public static async Task EnqueueAsync(FenquanDbContext db, CountyId county, IEnumerable<(Guid NotificationId, string Payload)> payloads, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payloads);
        var rows = payloads.Select(p => new WebhookDelivery { CountyId = county, NotificationId = p.NotificationId, Payload = p.Payload, CreatedAt = now, NextAttemptAt = now }).ToList();
        db.AddRange(rows);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another sender queued some of them first: they are in the log already, sent by it.
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// The county's deliveries due by <paramref name="now"/>, in the order their notifications were
    /// made (v7 ids). A sender queues many deliveries within one millisecond, whose own v7 ids then
    /// fall in random order: a receiver would hear of an approval before the task that preceded it.
    /// </summary>
    public static IReadOnlyList<WebhookDelivery> Due(FenquanDbContext db, CountyId county, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Few are ever waiting (delivered and given-up rows have no next attempt); the time is compared here.
        return [.. db.Set<WebhookDelivery>().Where(d => d.CountyId == county && d.NextAttemptAt != null).AsEnumerable().Where(d => d.NextAttemptAt <= now).OrderBy(d => d.NotificationId)];
    }

    /// <summary>Records one attempt on a tracked delivery: delivered on a 2xx answer, else tried again when <paramref name="retry"/> says.</summary>
    public static void Record(WebhookDelivery delivery, int? status, string error, WebhookRetry retry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(retry);
        delivery.Attempts++;
        delivery.LastStatus = status;
        delivery.LastError = error.Length > WebhookDelivery.MaxError ? error[..WebhookDelivery.MaxError] : error;
        var delivered = status is >= 200 and < 300;
        delivery.DeliveredAt = delivered ? now : null;
        delivery.NextAttemptAt = delivered ? null : retry.After(delivery.Attempts, now);
    }

    /// <summary>The county's delivery log, newest first.</summary>
    public static IReadOnlyList<WebhookDelivery> Log(FenquanDbContext db, CountyId county, int take = 200)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.CountyId == county).OrderByDescending(d => d.Id).Take(take)];
    }
}

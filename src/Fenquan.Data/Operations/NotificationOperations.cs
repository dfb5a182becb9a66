using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// A person's in-application notifications (R43: members are notified of meetings). They are
/// created by the operations whose change they announce, in the same unit of work; here they are
/// read and marked read — only by their recipient. Notifications are messages about ledgered changes
/// and are not ledgered themselves (<see cref="LedgerWriter.IsMessage"/>).
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

    /// <summary>
    /// How many of the person's notifications are unread: not marked read, and not a request to act
    /// on a step that has since been answered (<see cref="MatterNotices.IsAnswered"/>).
    /// </summary>
    public static int UnreadCount(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UnreadOf(db, county, person).Count(n => n.StepRound == null) + Open(db, county, person).Count();
    }

    /// <summary>
    /// Of the person's notifications not marked read, the ids of those answered (<see cref="MatterNotices.IsAnswered"/>):
    /// they show as done, not as unread.
    /// </summary>
    public static IReadOnlySet<Guid> Answered(FenquanDbContext db, CountyId county, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = Open(db, county, person).Select(n => n.Id);
        return UnreadOf(db, county, person).Where(n => n.StepRound != null && !open.Contains(n.Id)).Select(n => n.Id).ToHashSet();
    }

    /// <summary>
    /// Marks read (settles) up to <paramref name="batch"/> answered requests to act in the county, so
    /// that the rows the unread count reads stay few. Run periodically:
    /// the action that answers a request does not touch it, to keep the approval path short.
    /// </summary>
    public Task<Result<int>> SettleAnsweredAsync(CountyId county, int batch = 2_000) =>
        writer.ExecuteAsync(county, "notifications.settled", ctx =>
        {
            var answered = ctx.Db.Set<Notification>().FromSqlInterpolated(AnsweredSql(ctx.Db, county)).OrderBy(n => n.Id).Take(batch).ToList();
            if (answered.Count == 0)
            {
                return Result<int>.Ok(0);
            }

            // The core decides, on the matters themselves; the query only found the candidates.
            var subjects = answered.Select(n => new MatterId(n.SubjectId)).Distinct().ToList();
            var settled = 0;
            foreach (var matter in ctx.Db.Matters.Include(m => m.Actions).Where(m => subjects.Contains(m.Id)))
            {
                settled += MatterNotices.SettleAnswered(matter, answered.Where(n => n.SubjectId == matter.Id.Value), ctx.Now);
            }

            return Result<int>.Ok(settled);
        });

    private static IQueryable<Notification> UnreadOf(FenquanDbContext db, CountyId county, PersonId person) =>
        db.Set<Notification>().AsNoTracking().Where(n => n.CountyId == county && n.RecipientId == person && n.ReadAt == null);

    // The unread requests to act whose step the matter still waits at: MatterNotices.IsAnswered in
    // SQL (answered when the matter is no longer pending in that round, or an action was taken at
    // that step). Found through the (CountyId, RecipientId, ReadAt) index, each checked by key.
    private static IQueryable<Notification> Open(FenquanDbContext db, CountyId county, PersonId person) =>
        db.Set<Notification>().FromSqlInterpolated($"""
            SELECT n.* FROM notifications n
            WHERE n."CountyId" = {MatterQueries.SqlKey(db, county.Value)} AND n."RecipientId" = {MatterQueries.SqlKey(db, person.Value)} AND n."ReadAt" IS NULL
              AND n."StepRound" IS NOT NULL
              AND EXISTS (SELECT 1 FROM matters m WHERE m."Id" = n."SubjectId" AND m."State" = 'Pending' AND m."Round" = n."StepRound")
              AND NOT EXISTS (SELECT 1 FROM matter_actions a WHERE a."MatterId" = n."SubjectId" AND a."Round" = n."StepRound" AND a."StepIndex" = n."StepIndex")
            """).AsNoTracking();

    private static FormattableString AnsweredSql(FenquanDbContext db, CountyId county) => $"""
        SELECT n.* FROM notifications n
        WHERE n."CountyId" = {MatterQueries.SqlKey(db, county.Value)} AND n."ReadAt" IS NULL AND n."StepRound" IS NOT NULL
          AND (NOT EXISTS (SELECT 1 FROM matters m WHERE m."Id" = n."SubjectId" AND m."State" = 'Pending' AND m."Round" = n."StepRound")
            OR EXISTS (SELECT 1 FROM matter_actions a WHERE a."MatterId" = n."SubjectId" AND a."Round" = n."StepRound" AND a."StepIndex" = n."StepIndex"))
        """;
}

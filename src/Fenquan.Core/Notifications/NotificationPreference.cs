using Fenquan.Core.Primitives;

namespace Fenquan.Core.Notifications;

/// <summary>How a person wants to hear of their notifications.</summary>
public enum NotificationDelivery
{
    /// <summary>Only in the application (the default: a person who never chose).</summary>
    InApp,

    /// <summary>In the application, and a daily digest page listing the day's notifications by matter.</summary>
    InAppAndDigest,
}

/// <summary>
/// A person's choice of <see cref="NotificationDelivery"/>: one row per person, changed only by that
/// person (the operation takes the signed-in person, never a person named in the request).
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    private NotificationPreference(CountyId county, PersonId person, NotificationDelivery delivery, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        PersonId = person;
        Delivery = delivery;
        ChangedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public PersonId PersonId { get; private set; }

    public NotificationDelivery Delivery { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public bool WantsDigest => Delivery == NotificationDelivery.InAppAndDigest;

    /// <summary>The person's first choice; an undefined value is refused (fail closed).</summary>
    public static Result<NotificationPreference> Choose(CountyId county, PersonId person, NotificationDelivery delivery, DateTimeOffset now) =>
        Enum.IsDefined(delivery) ? Result<NotificationPreference>.Ok(new NotificationPreference(county, person, delivery, now)) : Refusal.Because(Refusal.InvalidId, "NotificationDelivery", "Unknown notification delivery.");

    /// <summary>The person changes their choice; choosing the same again changes nothing.</summary>
    public Outcome Change(NotificationDelivery delivery, DateTimeOffset now)
    {
        if (!Enum.IsDefined(delivery))
        {
            return Refusal.Because(Refusal.InvalidId, "NotificationDelivery", "Unknown notification delivery.");
        }

        if (delivery != Delivery)
        {
            Delivery = delivery;
            ChangedAt = now;
        }

        return Outcome.Ok;
    }
}

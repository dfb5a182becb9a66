namespace Fenquan.Core.Notifications;

/// <summary>
/// What the county's outbound webhook (an SMS gateway, 政务钉钉) receives for one notification: its
/// id (to drop repeats of a retried delivery), its kind, where it opens, and the recipient's staff
/// id and staff number (when the county gave one), all the gateway needs to reach them, and a message
/// a gateway can send as it is (<paramref name="Message"/> in Chinese, <paramref name="MessageEn"/> in
/// English) that says only what kind of thing happened. No title, no arguments: a title, a comment or a
/// reporter's identity (R45) never leaves the server; the recipient reads the notification itself
/// after signing in.
/// </summary>
public sealed record WebhookPayload(Guid Id, string Kind, Guid SubjectId, string Link, Guid RecipientId, string? RecipientStaffNumber, DateTimeOffset CreatedAt, string Message, string MessageEn)
{
    /// <param name="messageOf">The kind's fixed message in a language ("zh-CN", "en"), from the web's resources.</param>
    public static WebhookPayload Of(Notification notification, string? recipientStaffNumber, string link, Func<NotificationKind, string, string> messageOf)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(messageOf);
        return new(notification.Id, notification.Kind.ToString(), notification.SubjectId, link, notification.RecipientId.Value, recipientStaffNumber, notification.CreatedAt,
            messageOf(notification.Kind, "zh-CN"), messageOf(notification.Kind, "en"));
    }
}

/// <summary>
/// When a failed webhook delivery is tried again: after <see cref="FirstDelay"/>, doubling each
/// time up to an hour; after <see cref="MaxAttempts"/> attempts it is given up (and stays in the log).
/// </summary>
public sealed record WebhookRetry(TimeSpan FirstDelay, int MaxAttempts = WebhookRetry.DefaultMaxAttempts)
{
    public const int DefaultMaxAttempts = 8;

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The next attempt after <paramref name="attempts"/> failed ones, or null to give up.</summary>
    public DateTimeOffset? After(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var delay = FirstDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return now + (delay > Longest ? Longest : delay);
    }
}

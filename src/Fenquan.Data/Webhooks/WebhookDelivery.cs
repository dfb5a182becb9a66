using Fenquan.Core.Primitives;

namespace Fenquan.Data.Webhooks;

/// <summary>
/// The delivery log of the outbound webhook: one row per notification sent to the county's endpoint,
/// with its attempts, the last answer and when it was delivered. Written by the background sender
/// only (not ledgered: it records the transport, not a decision), read by the county administrator.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxError = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public CountyId CountyId { get; set; }

    /// <summary>The notification delivered (unique: each is delivered once).</summary>
    public Guid NotificationId { get; set; }

    /// <summary>The exact body sent and signed.</summary>
    public string Payload { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The HTTP status of the last attempt; null when no answer came.</summary>
    public int? LastStatus { get; set; }

    public string LastError { get; set; } = string.Empty;
}

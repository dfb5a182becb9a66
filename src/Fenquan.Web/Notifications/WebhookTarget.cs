namespace Fenquan.Web.Notifications;

/// <summary>
/// A county's outbound webhook (section <c>Fenquan:Webhooks:{county id}</c>, or <c>*</c> for every
/// county): where notifications are posted and the secret they are signed with. The secret comes
/// from configuration or user secrets, never from the repository.
/// </summary>
public sealed class WebhookTarget
{
    public string Url { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    public bool IsSet => Uri.TryCreate(Url, UriKind.Absolute, out _) && Secret.Length >= 16;
}

using System.Globalization;
using System.Text.Json;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Data.Webhooks;
using Fenquan.Web.Hosting;
using Fenquan.Web.Pages.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Notifications;

/// <summary>
/// Posts each new notification of a county with a webhook configured to its endpoint, signed
/// (<see cref="WebhookSignature"/>), every <see cref="FenquanOptions.WebhookSeconds"/>: new
/// notifications are queued in the delivery log, then every due delivery is tried; a failure is
/// tried again later (<see cref="WebhookRetry"/>). The body is <see cref="WebhookPayload"/>, never
/// a notification's text.
/// </summary>
public sealed class WebhookSender(FenquanStore store, TimeProvider time, IOptions<FenquanOptions> options, IStringLocalizer<MeetingResource> text, ILogger<WebhookSender> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly WebhookRetry _retry = new(TimeSpan.FromSeconds(Math.Max(1, options.Value.WebhookRetrySeconds)));

    // Notifications made before the sender started are not sent: only what happens while it runs.
    private readonly DateTimeOffset _since = time.GetUtcNow().AddMinutes(-options.Value.WebhookCatchUpMinutes);

    /// <summary>One round over every county with a webhook; returns how many deliveries succeeded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<CountyId> counties;
        await using (var db = store.Context())
        {
            counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var county in counties)
        {
            if (TargetOf(county) is { } target)
            {
                delivered += await RunAsync(county, target, cancellationToken);
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off without a webhook, or with WebhookSeconds 0 (then RunOnceAsync is called by whoever wants it).
        if (options.Value.WebhookSeconds <= 0 || !options.Value.Webhooks.Values.Any(t => t.IsSet))
        {
            return;
        }

        var every = TimeSpan.FromSeconds(options.Value.WebhookSeconds);

        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending notifications to the webhook failed; trying again in {Seconds} s.", every.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    /// <summary>The kind's fixed message for a gateway to send, in <paramref name="culture"/>; it carries no user data.</summary>
    public static string MessageOf(IStringLocalizer<MeetingResource> text, NotificationKind kind, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return text["Webhook." + kind];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private WebhookTarget? TargetOf(CountyId county) =>
        options.Value.Webhooks.GetValueOrDefault(county.Value.ToString("D")) is { IsSet: true } own ? own
        : options.Value.Webhooks.GetValueOrDefault("*") is { IsSet: true } all ? all
        : null;

    private async Task<int> RunAsync(CountyId county, WebhookTarget target, CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        var now = time.GetUtcNow();
        var fresh = WebhookOperations.Undelivered(db, county, _since);
        if (fresh.Count > 0)
        {
            await WebhookOperations.EnqueueAsync(db, county, fresh.Select(f => (f.Notification.Id, JsonSerializer.Serialize(WebhookPayload.Of(f.Notification, f.StaffNumber, NotificationService.LinkOf(f.Notification), (kind, culture) => MessageOf(text, kind, culture)), Json))), now);
        }

        var delivered = 0;
        foreach (var delivery in WebhookOperations.Due(db, county, now))
        {
            var (status, error) = await PostAsync(target, delivery.Payload, cancellationToken);
            WebhookOperations.Record(delivery, status, error, _retry, time.GetUtcNow());
            delivered += delivery.DeliveredAt is null ? 0 : 1;
            if (delivery.DeliveredAt is null)
            {
                logger.LogWarning("Webhook delivery {Id} failed (attempt {Attempts}): {Status} {Error}", delivery.Id, delivery.Attempts, status, error);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return delivered;
    }

    private async Task<(int? Status, string Error)> PostAsync(WebhookTarget target, string body, CancellationToken cancellationToken)
    {
        var timestamp = WebhookSignature.Timestamp(time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, body));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? string.Empty : response.ReasonPhrase ?? string.Empty);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, e.Message);
        }
    }
}

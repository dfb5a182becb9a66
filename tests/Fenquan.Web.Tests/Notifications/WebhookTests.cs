using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fenquan.Data.Webhooks;
using Fenquan.Web.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Notifications;

/// <summary>
/// The outbound webhook against a local receiver (Kestrel in the test) that checks every request's
/// HMAC-SHA256 signature itself: the approval notice reaches it with only the recipient's staff
/// number (no title, no comment), a receiver that fails first is tried again, and the delivery log
/// says so.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "test-only-webhook-secret-0123456789";

    private sealed record Received(Guid Id, string Kind, Guid Recipient, string Body, bool Answered);

    [Fact]
    public async Task TheApprovalNoticeIsPostedSigned_AReceiverThatFailsIsTriedAgain_AndTheLogShowsBothAttempts()
    {
        var received = new ConcurrentQueue<Received>();
        var badSignatures = 0;
        var calls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = request.Headers["X-Fenquan-Timestamp"].ToString();
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
            var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Headers["X-Fenquan-Signature"].ToString())) || Math.Abs(age) > 300)
            {
                Interlocked.Increment(ref badSignatures);
                return Results.Unauthorized();
            }

            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var recipient = root.GetProperty("recipientId").GetGuid();
            var answered = Interlocked.Increment(ref calls) > 1; // the receiver is down for the first request
            received.Enqueue(new Received(root.GetProperty("id").GetGuid(), root.GetProperty("kind").GetString()!, recipient, body, answered));
            return answered ? Results.Ok() : Results.StatusCode(503);
        });
        await receiver.StartAsync();
        var hook = receiver.Urls.Single() + "/hook";

        await using var app = await WebApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Fenquan:Webhooks:*:Url"] = hook,
            ["Fenquan:Webhooks:*:Secret"] = Secret,
            ["Fenquan:WebhookSeconds"] = "0", // driven by the test, one round at a time
            ["Fenquan:WebhookRetrySeconds"] = "1",
        });
        var sender = app.Services.GetRequiredService<WebhookSender>();
        var clerk = await app.SignInAsync("u1.staff1");
        var submitted = await clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "复印纸采购报销", amount = 800m, payMe = true });
        var matter = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        foreach (var (user, action) in new[] { ("u1.office", "Review"), ("u1.finance", "Approve") })
        {
            var acted = await (await app.SignInAsync(user)).PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action, comment = "同意" });
            Assert.True(acted.IsSuccessStatusCode, await acted.Content.ReadAsStringAsync());
        }

        // Round after round (a second apart, the first retry's wait) until nothing is left to send.
        for (var round = 0; round < 20; round++)
        {
            await sender.RunOnceAsync();
            await using var db = app.Db();
            if (!await db.Set<WebhookDelivery>().AnyAsync(d => d.NextAttemptAt != null))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1.1));
        }

        Assert.Equal(0, badSignatures);
        var approved = Assert.Single(received, r => r.Kind == "MatterApproved");
        Assert.True(approved.Answered);
        await using (var db = app.Db())
        {
            // Addressed to the clerk whose matter it is, by id.
            var notice = await db.Set<Fenquan.Core.Notifications.Notification>().SingleAsync(n => n.Id == approved.Id);
            Assert.Equal((notice.RecipientId.Value, matter), (approved.Recipient, notice.SubjectId));
        }

        Assert.Contains("\"recipientStaffNumber\":", approved.Body, StringComparison.Ordinal);
        using (var payload = JsonDocument.Parse(approved.Body))
        {
            // A message a gateway can send as it is, in both languages; no value (read decoded: the
            // JSON escapes Han characters) carries the title or the comment.
            var root = payload.RootElement;
            Assert.Equal("您提交的事项已批准，请登录系统查看。", root.GetProperty("message").GetString());
            Assert.Equal("A matter you submitted was approved. Sign in to see it.", root.GetProperty("messageEn").GetString());
            Assert.DoesNotContain(root.EnumerateObject(), p => p.Value.ToString().Contains("复印纸", StringComparison.Ordinal) || p.Value.ToString().Contains("同意", StringComparison.Ordinal));
        }

        Assert.Contains("/matters/" + matter.ToString("D"), approved.Body, StringComparison.Ordinal);

        // The first request was refused (503) and the same notification was sent again and taken.
        var first = received.First();
        Assert.False(first.Answered);
        Assert.Contains(received, r => r.Id == first.Id && r.Answered);
        await using (var db = app.Db())
        {
            var log = await db.Set<WebhookDelivery>().ToListAsync();
            Assert.All(log, d => Assert.NotNull(d.DeliveredAt));
            var retried = Assert.Single(log, d => d.NotificationId == first.Id);
            Assert.Equal((2, 200), (retried.Attempts, retried.LastStatus));
            Assert.Equal(received.Select(r => r.Id).Distinct().Count(), log.Count);
        }

        // Nothing is sent twice once delivered.
        var count = received.Count;
        await sender.RunOnceAsync();
        Assert.Equal(count, received.Count);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>A read-only API token reads meetings and notifications but changes nothing there, as on the rest of the API.</summary>
public sealed partial class MeetingTokenScopeTests
{
    [Fact]
    [Trait("Rule", "R43")]
    public async Task ReadOnlyToken_ReadsMeetingsAndNotifications_ButCannotScheduleCancelOrMarkRead()
    {
        await using var app = await WebApp.StartAsync();
        var office = await app.SignInAsync("u1.office");
        var page = await office.GetStringAsync("/account/tokens");
        var created = await office.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(
        [
            new("Name", "会议看板"),
            new("ExpiresOn", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Scopes", "matters:read"),
            new("__RequestVerificationToken", WebApp.Token(page)),
        ]));
        var secret = SecretPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("fq_", secret);
        using var bearer = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/county/decision-rules")).StatusCode);
        var me = (await (await office.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        var schedule = await bearer.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "x", scheduledAt = DateTimeOffset.UtcNow, chairId = me });
        Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        Assert.Equal("Scope", (await schedule.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync($"/api/v1/meetings/{Guid.NewGuid()}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync("/api/v1/relatives", new { relativeId = me, relationship = "Other" })).StatusCode);
    }

    [GeneratedRegex("data-testid=\"secret\">(fq_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Api;

/// <summary>Scoped, revocable API tokens: made on a page (secret shown once), used as a bearer token, checked by scope, revoked.</summary>
public sealed partial class ApiTokenTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _office = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _office = await _app.SignInAsync("u1.office");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Posts the token page's form; the response shows the secret once, or the refusal.</summary>
    private static async Task<HttpResponseMessage> PostTokenFormAsync(HttpClient client, string name, int days, params string[] scopes)
    {
        var page = await client.GetStringAsync("/account/tokens");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Name", name),
            new("ExpiresOn", DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", WebApp.Token(page)),
        };
        form.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Scopes", s)));
        return await client.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(form));
    }

    private static async Task<string> SecretOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.StartsWith("fq_", secret);
        return secret;
    }

    private async Task<(string Secret, Guid Id)> CreateAsync(string name, params string[] scopes)
    {
        var secret = await SecretOfAsync(await PostTokenFormAsync(_office, name, 30, scopes));

        // Shown once: the list shows the token, never the secret again.
        var again = await _office.GetStringAsync("/account/tokens");
        Assert.Contains(name, again);
        Assert.DoesNotContain(secret, again);
        var id = Guid.Parse(RevokePattern().Matches(again).Select(m => m.Groups[1].Value).First());
        return (secret, id);
    }

    private HttpClient Bearer(string secret)
    {
        var client = new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task ReadToken_ListsMatters_ButCannotPostOrReadTheLedger()
    {
        var (secret, _) = await CreateAsync("报表系统", "matters:read");
        var bearer = Bearer(secret);
        var list = await bearer.GetAsync("/api/v1/matters");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var items = (await list.ReadAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);

        var before = await _app.CountsAsync();
        var post = await bearer.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "令牌提交", amount = 100m, payMe = true });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Contains("matters:write", (await post.ReadAsync()).GetProperty("reason").GetString());
        var id = items[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync($"/api/v1/ledger/matters/{id}")).StatusCode);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task WriteToken_Submits_AsThePersonItActsAs()
    {
        var (secret, _) = await CreateAsync("OA 对接", "matters:read", "matters:write", "ledger:read");
        var bearer = Bearer(secret);
        var created = await bearer.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "对接系统报销", amount = 200m, payMe = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var matter = await created.ReadAsync();
        var me = await (await _office.GetAsync("/api/v1/me")).ReadAsync();
        Assert.Equal(me.GetProperty("personId").GetGuid(), matter.GetProperty("initiatorId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync($"/api/v1/ledger/matters/{matter.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task RevokedOrUnknownToken_Is401WithProblemDetails()
    {
        var (secret, id) = await CreateAsync("临时令牌", "matters:read");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync("/api/v1/matters")).StatusCode);

        var page = await _office.GetStringAsync("/account/tokens");
        var revoke = await _office.PostAsync($"/account/tokens?handler=Revoke&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebApp.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        foreach (var presented in new[] { secret, "fq_" + new string('A', 43), "not-a-token" })
        {
            var response = await Bearer(presented).GetAsync("/api/v1/matters");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task TokenOfALockedOutAccount_Is401_UntilTheLockoutEnds()
    {
        var (secret, _) = await CreateAsync("锁定测试", "matters:read");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync("/api/v1/matters")).StatusCode);

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
            var office = await users.FindByNameAsync("u1.office");
            Assert.NotNull(office);
            Assert.True((await users.SetLockoutEndDateAsync(office, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        }

        var locked = await Bearer(secret).GetAsync("/api/v1/matters");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);

        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
            var office = await users.FindByNameAsync("u1.office");
            Assert.True((await users.SetLockoutEndDateAsync(office!, null)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync("/api/v1/matters")).StatusCode);
    }

    [Fact]
    public async Task TokenPastItsExpiry_Is401()
    {
        var time = new ShiftableTime();
        await using var app = await WebApp.StartAsync(time: time);
        var secret = await SecretOfAsync(await PostTokenFormAsync(await app.SignInAsync("u1.office"), "七天令牌", 7, "matters:read"));
        var bearer = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/matters")).StatusCode);

        time.Offset = TimeSpan.FromDays(6);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/matters")).StatusCode);
        time.Offset = TimeSpan.FromDays(9);
        var expired = await bearer.GetAsync("/api/v1/matters");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TokenWithUnknownScopeOrNoScope_IsRefusedOnThePage()
    {
        var response = await PostTokenFormAsync(_office, "无权限", 30, "admin:everything");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"secret\"", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("data-testid=\"secret\">(fq_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("[?;]id=([0-9a-f-]{36})")]
    private static partial Regex RevokePattern();
}

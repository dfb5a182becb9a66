using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Fenquan.Web.Tests.Api;

/// <summary>
/// An insider's way around four eyes (R40): a county administrator who holds a person makes an API
/// token for an integration, and the token — or whoever steals it — tries to act as a county
/// administrator. A token acts for a person's unit work only: county administration needs the
/// administrator's own sign-in, so every such request through the token is refused and changes nothing.
/// </summary>
public sealed partial class AdministrationTokenTests
{
    [Fact]
    [Trait("Rule", "R40")]
    public async Task ACountyAdministratorsToken_CannotAdministerTheCounty()
    {
        await using var app = await WebApp.StartAsync();
        var admin = await app.SignInAsync("admin");
        var admin2 = await app.SignInAsync("admin2");

        // u1.staff1 becomes a county administrator under four eyes.
        var proposed = await admin.PostJsonAsync("/api/v1/county/administrators/changes", new { kind = "Grant", account = "u1.staff1" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin2.PostAsync($"/api/v1/county/administrators/changes/{id}/confirm", null)).StatusCode);

        var staff = await app.SignInAsync("u1.staff1");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/county/administrators")).StatusCode);

        // The same person's token, with every scope a token can have.
        var page = await staff.GetStringAsync("/account/tokens");
        var form = new List<KeyValuePair<string, string>>
        {
            new("Name", "对接系统"),
            new("ExpiresOn", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", WebApp.Token(page)),
            new("Scopes", "matters:read"),
            new("Scopes", "matters:write"),
            new("Scopes", "ledger:read"),
        };
        var made = await staff.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(form));
        var secret = SecretPattern().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("fq_", secret);
        var token = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost") };
        token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/matters")).StatusCode);

        var before = await app.CountsAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/county/administrators")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostJsonAsync("/api/v1/county/administrators/changes", new { kind = "Grant", account = "u1.staff2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostJsonAsync("/api/v1/county/settings", new { twoFactorRequired = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostJsonAsync("/api/v1/accounts/first-sign-in-codes", new { accounts = new[] { "u1.staff2" } })).StatusCode);
        var template = await staff.GetByteArrayAsync("/api/v1/import/template");
        var workbook = new ByteArrayContent(template);
        workbook.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostAsync("/api/v1/import?dryRun=true", workbook)).StatusCode);
        Assert.Equal(before, await app.CountsAsync());
    }

    [GeneratedRegex("data-testid=\"secret\">(fq_[A-Za-z0-9_-]+)<")]
    private static partial Regex SecretPattern();
}

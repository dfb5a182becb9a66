using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace Fenquan.Web.Tests.Accounts;

/// <summary>
/// The county setting "two-factor required" (R1), over real HTTP: set by a county administrator at
/// once, it sends a signed-in account without an authenticator to set one up, on pages and the API
/// alike, until it has; then the account goes on as before.
/// </summary>
public sealed partial class TwoFactorRequiredTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R1")]
    public async Task WhenRequired_AnAccountWithoutAnAuthenticator_SetsOneUpBeforeAnythingElse_OnPagesAndTheApi()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/workbench")).StatusCode);
        var office = await _app.SignInAsync("u1.office");

        var admin = await _app.SignInAsync("admin");
        var set = await WebApp.PostFormAsync(admin, "/admin/county", "TwoFactor", new() { ["required"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var page = await staff.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/manage/authenticator", page.Headers.Location!.OriginalString);
        var api = await staff.GetAsync("/api/v1/county");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("R1.TwoFactorRequired", (await api.ReadAsync()).GetProperty("key").GetString());

        // Setting up the authenticator is allowed, and then everything else is again.
        var setup = await staff.GetStringAsync("/account/manage/authenticator");
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await WebApp.PostFormAsync(staff, "/account/manage/authenticator", "Enable", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/workbench")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/county")).StatusCode);

        // The administrator who set it is held to it too, and the setting is ledgered.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/admin/county")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.GetAsync("/workbench")).StatusCode);
        await using var db = _app.Db();
        Assert.Contains("county.two_factor_required", db.LedgerEntries.Select(e => e.Kind).ToList());
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}

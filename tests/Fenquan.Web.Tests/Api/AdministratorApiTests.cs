using System.Net;
using Fenquan.Core.CountyChanges;
using Fenquan.Web.Accounts;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fenquan.Web.Tests.Api;

/// <summary>
/// County administrators through the API (R40, issue 12): a county set up through first run has one
/// administrator, whose grant of a second takes effect at once; in a county with two, a third waits
/// until the other confirms, the proposer's own confirmation is refused naming the rule, anyone else
/// is refused; and the new administrator can then confirm a bounds change — the point of it all.
/// </summary>
public sealed class AdministratorApiTests
{
    private const string FirstRunPassword = "Pilot-County-2026";

    private static async Task<Guid> ProposeAsync(HttpClient client, string kind, string account, HttpStatusCode expected)
    {
        var response = await client.PostJsonAsync("/api/v1/county/administrators/changes", new { kind, account });
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.Created ? (await response.ReadAsync()).GetProperty("id").GetGuid() : Guid.Empty;
    }

    private static async Task<bool> IsCountyAdministratorAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("isCountyAdministrator").GetBoolean();

    [Fact]
    [Trait("Rule", "R40")]
    public async Task FirstRunCounty_TheOnlyAdministratorGrantsASecond_AtOnce_AndAStartMendsAFlagACrashLost()
    {
        await using var app = await WebApp.StartAsync(settings: new Dictionary<string, string> { ["Fenquan:SeedDemo"] = "false" });
        var code = app.Services.GetRequiredService<StartupReport>().SetupCode!;
        var setup = app.NewClient();
        var form = await setup.GetStringAsync("/setup");
        var done = await setup.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["CountyName"] = "试点县", ["UserName"] = "county.admin", ["Password"] = FirstRunPassword, ["ConfirmPassword"] = FirstRunPassword,
            ["__RequestVerificationToken"] = WebApp.Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var first = await app.SignInAsync("county.admin", FirstRunPassword);

        // Another account of the county (made here as the accounts page of another change would).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FenquanUser>>();
            var admin = await users.FindByNameAsync("county.admin");
            Assert.True((await users.CreateAsync(new FenquanUser { UserName = "deputy.admin", CountyId = admin!.CountyId }, FirstRunPassword)).Succeeded);
        }

        Assert.False(await IsCountyAdministratorAsync(await app.SignInAsync("deputy.admin", FirstRunPassword)));
        var id = await ProposeAsync(first, "Grant", "deputy.admin", HttpStatusCode.Created);

        var list = await (await first.GetAsync("/api/v1/county/administrators")).ReadAsync();
        Assert.Equal(["county.admin", "deputy.admin"], list.GetProperty("administrators").EnumerateArray().Select(a => a.GetString()));
        var grant = Assert.Single(list.GetProperty("changes").EnumerateArray());
        Assert.Equal(id, grant.GetProperty("id").GetGuid());
        Assert.Equal("Confirmed", grant.GetProperty("state").GetString());
        Assert.True(grant.GetProperty("bootstrap").GetBoolean());
        var deputy = await app.SignInAsync("deputy.admin", FirstRunPassword);
        Assert.True(await IsCountyAdministratorAsync(deputy));

        // A crash between the ledgered grant and the account's flag: the next start mends it, and
        // leaves the first-run administrator (no grant names them) as they were.
        await using (var accounts = AccountsDbContext.Create(app.Database))
        {
            Assert.Equal(1, await accounts.Users.Where(u => u.UserName == "deputy.admin").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsCountyAdministrator, false), TestContext.Current.CancellationToken));
        }

        var atStart = app.Services.GetServices<IHostedService>().OfType<AdministratorFlagsAtStart>().Single();
        await atStart.StartAsync(TestContext.Current.CancellationToken);
        await using (var accounts = AccountsDbContext.Create(app.Database))
        {
            Assert.Equal(["county.admin", "deputy.admin"], await accounts.Users.Where(u => u.IsCountyAdministrator).OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task DemoCounty_AThirdAdministratorWaitsForTheOther_ThenConfirmsABoundsChange()
    {
        await using var app = await WebApp.StartAsync();
        var admin = await app.SignInAsync("admin");
        var admin2 = await app.SignInAsync("admin2");
        var staff = await app.SignInAsync("u1.staff1");

        // Anyone but a county administrator is refused, naming the rule.
        var look = await staff.GetAsync("/api/v1/county/administrators");
        Assert.Equal(HttpStatusCode.Forbidden, look.StatusCode);
        Assert.Equal("R40.CountyOfficialsOnly", (await look.ReadAsync()).GetProperty("key").GetString());
        await ProposeAsync(staff, "Grant", "u1.staff1", HttpStatusCode.Forbidden);
        await ProposeAsync(admin, "Grant", "admin2", HttpStatusCode.Conflict);
        await ProposeAsync(admin, "Grant", "nobody.here", HttpStatusCode.NotFound);

        var id = await ProposeAsync(admin, "Grant", "u1.staff1", HttpStatusCode.Created);
        Assert.False(await IsCountyAdministratorAsync(await app.SignInAsync("u1.staff1")));
        var own = await admin.PostAsync($"/api/v1/county/administrators/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("R40.AdministratorProposerCannotConfirm", (await own.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/v1/county/administrators/changes/{id}/confirm", null)).StatusCode);

        var confirmed = await admin2.PostAsync($"/api/v1/county/administrators/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("admin2", (await confirmed.ReadAsync()).GetProperty("confirmedBy").GetString());

        // The county's discipline inspection was told of both, in words, pointing at the ledger.
        var inspection = await app.SignInAsync("county.discipline");
        var notices = (await (await inspection.GetAsync("/api/v1/notifications")).ReadAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("subjectId").GetGuid() == id).ToList();
        Assert.Equal(["AdministratorChangeConfirmed", "AdministratorChangeProposed"], notices.Select(n => n.GetProperty("kind").GetString()));
        Assert.Contains("u1.staff1", notices[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("/ledger", notices[1].GetProperty("link").GetString());

        // The new administrator confirms a bounds change the first proposed.
        var third = await app.SignInAsync("u1.staff1");
        Assert.True(await IsCountyAdministratorAsync(third));
        Core.Organization.CountyBounds bounds;
        await using (var db = app.Db())
        {
            bounds = (await db.Counties.SingleAsync(TestContext.Current.CancellationToken)).Bounds;
        }

        var raised = bounds with { CollectiveLimit = bounds.CollectiveLimit + 1_000m };
        var payload = System.Text.Json.JsonDocument.Parse(CountyChangePayload.BoundsToJson(raised)).RootElement;
        var proposed = await admin.PostJsonAsync("/api/v1/county/changes", new { subject = "Bounds", summary = "集体研究限额上调1000元", payload });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var change = (await proposed.ReadAsync()).GetProperty("id").GetGuid();
        var byThird = await third.PostAsync($"/api/v1/county/changes/{change}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, byThird.StatusCode);
        await using var after = app.Db();
        Assert.Equal(raised.CollectiveLimit, (await after.Counties.SingleAsync(TestContext.Current.CancellationToken)).Bounds.CollectiveLimit);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task Page_ProposeConfirmAndRevoke_WithAntiforgery_AndRefusalsNamingTheRule()
    {
        await using var app = await WebApp.StartAsync();
        var admin = await app.SignInAsync("admin");
        var admin2 = await app.SignInAsync("admin2");
        var staff = await app.SignInAsync("u1.staff1");

        var denied = await staff.GetAsync("/admin/administrators");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Without the page's antiforgery token nothing happens.
        var forged = await admin.PostAsync("/admin/administrators?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string> { ["Account"] = "u1.staff1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var proposed = await WebApp.PostFormAsync(admin, "/admin/administrators", "Grant", new() { ["Account"] = "u1.staff1" });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var html = await admin.GetStringAsync("/admin/administrators");
        Assert.Contains("待另一名管理员确认", html, StringComparison.Ordinal);
        Assert.Contains("withdraw-u1.staff1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-u1.staff1", html, StringComparison.Ordinal);

        Guid id;
        await using (var db = app.Db())
        {
            id = (await db.Set<Core.CountyAdministration.AdministratorGrant>().SingleAsync(TestContext.Current.CancellationToken)).Id;
        }

        var own = await WebApp.PostFormAsync(admin, "/admin/administrators", "Confirm&id=" + id, []);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("R40", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("confirm-u1.staff1", await admin2.GetStringAsync("/admin/administrators"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(admin2, "/admin/administrators", "Confirm&id=" + id, [])).StatusCode);
        Assert.Contains("<li>\n            <span data-user>u1.staff1</span>", (await admin.GetStringAsync("/admin/administrators")).Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Revocation: proposed by one, refused to its proposer, confirmed by another; the account loses the flag.
        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(admin, "/admin/administrators", "Revoke", new() { ["Account"] = "u1.staff1" })).StatusCode);
        await using (var db = app.Db())
        {
            id = (await db.Set<Core.CountyAdministration.AdministratorGrant>().SingleAsync(g => g.Kind == Core.CountyAdministration.AdministratorChangeKind.Revoke, TestContext.Current.CancellationToken)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.PostFormAsync(admin2, "/admin/administrators", "Confirm&id=" + id, [])).StatusCode);
        Assert.False(await IsCountyAdministratorAsync(await app.SignInAsync("u1.staff1")));
    }
}

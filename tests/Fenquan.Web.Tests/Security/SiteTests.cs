using System.Net;

namespace Fenquan.Web.Tests.Security;

/// <summary>Headers, the API document, administration rights, R3 refusals and the policy verifier on the pages.</summary>
public sealed class SiteTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_CarryAStrictContentSecurityPolicy_AndNoInlineScript()
    {
        var response = await _app.NewClient().GetAsync("/account/signin");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        // Scripts only from files of the site (confirm.js, route-preview.js): no script element without a src.
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\"/js/)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheMatterEndpoints()
    {
        var document = await _app.NewClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/matters/{id}/actions", document);
        Assert.Contains("/api/v1/tasks", document);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndLedgered()
    {
        var client = _app.NewClient();
        var response = await WebApp.SignInAsync(client, "u1.staff2", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = _app.Db();
        Assert.Contains(db.Set<Core.Access.SignInRecord>().ToList(), s => s.UserName == "u1.staff2" && s.Outcome == Core.Access.SignInOutcome.Failed);
    }

    [Fact]
    public async Task AdminPages_OnlyForAdministrators()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/admin/unit")).StatusCode);
        Assert.Contains("/account/denied", (await staff.GetAsync("/admin/county")).Headers.Location!.ToString());
        var office = await _app.SignInAsync("u1.office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/admin/unit")).StatusCode);
        var admin = await _app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/county")).StatusCode);
    }

    [Fact]
    public async Task AssigningAPortfolioToAPrincipal_IsRefusedNamingR3()
    {
        var office = await _app.SignInAsync("u1.office");
        var principal = (await (await (await _app.SignInAsync("u1.principal1")).GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        var page = await office.GetStringAsync("/admin/unit");
        var before = await _app.CountsAsync();
        var response = await office.PostAsync("/admin/unit?handler=Assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Area"] = "Finance",
            ["Person"] = principal.ToString(),
            ["From"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("R3", html);
        Assert.Equal(before, await _app.CountsAsync());
    }

    // R1/R3: the unit administrator sees what today's team lacks, e.g. an area nobody is in charge of.
    [Fact]
    [Trait("Rule", "R3")]
    public async Task UnitPage_WarnsOfAnAreaWithoutADeputyInCharge()
    {
        var office = await _app.SignInAsync("u1.office");
        Assert.DoesNotContain("data-testid=\"team-problems\"", await office.GetStringAsync("/admin/unit"));

        // The finance portfolio ends today (as a data fix would end it), and no deputy takes it over.
        var me = await (await office.GetAsync("/api/v1/me")).ReadAsync();
        var unit = new Core.Primitives.UnitId(me.GetProperty("unitId").GetGuid());
        var today = DateOnly.Parse(me.GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Core.Primitives.CountyId county;
        await using (var db = _app.Db())
        {
            county = db.Units.Single(u => u.Id == unit).CountyId;
        }

        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Data.Storage.FenquanStore>(_app.Services);
        var ended = await store.Writer.ExecuteAsync(county, "portfolio.ended", ctx =>
        {
            ctx.Db.PortfolioAssignments.Single(a => a.UnitId == unit && a.Area == Core.Organization.Area.Finance && a.Until == null).End(today);
            return Core.Primitives.Result<bool>.Ok(true);
        });
        Assert.True(ended.IsOk);

        var page = await office.GetStringAsync("/admin/unit");
        var warning = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"team-problems\">([\\s\\S]*?)</div>").Groups[1].Value;
        Assert.Contains("R3", warning);
        Assert.Contains("财务", warning);
        Assert.DoesNotContain("R1", warning);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task PolicyEditor_ShowsTheVerifiersCounterexample_AndCannotEvenProposeIt()
    {
        var office = await _app.SignInAsync("u1.office");
        var page = await office.GetStringAsync("/admin/unit");
        var json = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea class=\"code\" name=\"PolicyJson\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        Assert.Contains("rules", json);
        // Drop every rule: nothing is routed, and the verifier names a matter that has no route.
        var broken = System.Text.RegularExpressions.Regex.Replace(json, "\"rules\"\\s*:\\s*\\[[\\s\\S]*\\]", "\"rules\": []");
        var before = await _app.CountsAsync();
        var response = await office.PostAsync("/admin/unit?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PolicyJson"] = broken,
            ["Summary"] = "删除全部规则",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"verifier\"", html);
        Assert.Contains("反例：", html);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task EnglishSwitch_SetsTheCookie_AndPagesSpeakEnglish()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var page = await clerk.GetStringAsync("/workbench");
        Assert.Contains("我的工作台", page);
        var switched = await clerk.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/workbench",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("My workbench", await clerk.GetStringAsync("/workbench"));
    }
}

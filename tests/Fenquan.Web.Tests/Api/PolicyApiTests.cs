using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Api;

/// <summary>
/// R40 over the web: no single person publishes a unit's policy any more. The unit administrator
/// (u1.office) only proposes; the old publish handler of the unit page is gone; approving is for
/// county administrators, and even theirs waits for the team's agreement.
/// </summary>
public sealed class PolicyApiTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _unitAdmin = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _unitAdmin = await _app.SignInAsync("u1.office");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> CurrentDocumentAsync(DateOnly effectiveFrom)
    {
        await using var db = _app.Db();
        var current = await db.PolicyVersions.OrderBy(v => v.Number).FirstAsync();
        return PolicyJson.Write(PolicyJson.Parse(current.DocumentJson).Value with { EffectiveFrom = effectiveFrom });
    }

    private async Task<int> VersionCountAsync()
    {
        await using var db = _app.Db();
        return await db.PolicyVersions.CountAsync();
    }

    private static DateOnly InTwoDays => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

    [Fact]
    [Trait("Rule", "R40")]
    public async Task TheUnitAdministrator_OnlyProposes_AndNothingTakesEffect()
    {
        var versions = await VersionCountAsync();

        var proposed = await _unitAdmin.PostAsJsonAsync("/api/v1/policy/proposals", new { summary = "小额支出限额不变，重新报批", document = await CurrentDocumentAsync(InTwoDays) });

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var body = await proposed.ReadAsync();
        Assert.Equal("Proposed", body.GetProperty("state").GetString());
        Assert.Equal(versions, await VersionCountAsync());
        var mine = await (await _unitAdmin.GetAsync("/api/v1/policy/proposals")).ReadAsync();
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("id").GetGuid() == body.GetProperty("id").GetGuid());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task TheOldPublishHandler_IsGone_AndPublishesNothing()
    {
        var versions = await VersionCountAsync();
        var page = await _unitAdmin.GetStringAsync("/admin/unit");
        Assert.DoesNotContain("handler=Publish", page, StringComparison.Ordinal);

        var response = await _unitAdmin.PostAsync("/admin/unit?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PolicyJson"] = await CurrentDocumentAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30)),
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(versions, await VersionCountAsync());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task TheUnitPage_Proposes_WithItsAntiforgeryToken()
    {
        var page = await _unitAdmin.GetStringAsync("/admin/unit");
        var form = new Dictionary<string, string>
        {
            ["PolicyJson"] = await CurrentDocumentAsync(InTwoDays),
            ["Summary"] = "页面提出的修订",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        };

        var withoutToken = await _unitAdmin.PostAsync("/admin/unit?handler=Propose", new FormUrlEncodedContent(form.Where(f => f.Key != "__RequestVerificationToken")));
        var proposed = await _unitAdmin.PostAsync("/admin/unit?handler=Propose", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains("页面提出的修订", await _unitAdmin.GetStringAsync("/admin/unit"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task AnEffectiveDateInThePast_IsRefused()
    {
        var refused = await _unitAdmin.PostAsJsonAsync("/api/v1/policy/proposals", new { summary = "倒签生效", document = await CurrentDocumentAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30)) });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("R40.EffectiveBeforeApproval", (await refused.ReadAsync()).GetProperty("key").GetString());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task OnlyCountyAdministrators_Approve_AndNotBeforeTheTeamAgreed()
    {
        var proposed = await _unitAdmin.PostAsJsonAsync("/api/v1/policy/proposals", new { summary = "报县审批", document = await CurrentDocumentAsync(InTwoDays) });
        var id = (await proposed.ReadAsync()).GetProperty("id").GetGuid();
        var staff = await _app.SignInAsync("u1.staff1");
        var admin = await _app.SignInAsync("admin");

        var byUnitAdmin = await _unitAdmin.PostAsJsonAsync($"/api/v1/policy/proposals/{id:D}/county-approvals", new { });
        var byStaff = await staff.PostAsJsonAsync("/api/v1/policy/proposals", new { summary = "职工自拟", document = await CurrentDocumentAsync(InTwoDays) });
        var byCountyBeforeAgreement = await admin.PostAsJsonAsync($"/api/v1/policy/proposals/{id:D}/county-approvals", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byUnitAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byCountyBeforeAgreement.StatusCode);
        Assert.Equal("R40.ProposalNotWaiting", (await byCountyBeforeAgreement.ReadAsync()).GetProperty("key").GetString());
        Assert.Contains("待县里审批的制度修订", await admin.GetStringAsync("/admin/county"), StringComparison.Ordinal);
        Assert.Contains("报县审批", await _unitAdmin.GetStringAsync("/admin/unit"), StringComparison.Ordinal);
    }
}

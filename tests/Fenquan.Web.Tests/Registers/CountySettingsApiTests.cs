using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fenquan.Testing.Ocds;

namespace Fenquan.Web.Tests.Registers;

/// <summary>
/// County settings through the API (R4, R16, R40): bounds no unit could meet are refused with their
/// rule; new bounds are proposed by one county administrator, confirmed by a second, and wait for
/// the units whose policy falls outside them, named in the answer.
/// </summary>
public sealed class CountySettingsApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R40")]
    public async Task NarrowedBounds_AreRefusedWhenUnreachable_ElseConfirmedBySecondAdministrator_AndWaitForTheUnitsOutsideThem()
    {
        var admin = await _app.SignInAsync("admin");
        var admin2 = await _app.SignInAsync("admin2");
        var county = await (await admin.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal(5_000m, county.GetProperty("bounds").GetProperty("smallExpenseMax").GetDecimal());
        Assert.False(string.IsNullOrEmpty(county.GetProperty("name").GetString()));

        var aboveC = await admin.PostAsJsonAsync("/api/v1/county/settings", new { smallExpenseMax = 8_000m, summary = "小额上限8000" });
        var purchase = await admin.PostAsJsonAsync("/api/v1/county/settings", new { purchaseMax = 6_000m, summary = "采购上限6000" });
        Assert.Equal(HttpStatusCode.Conflict, aboveC.StatusCode);
        Assert.Equal("R4.SmallExpenseAboveCollective", (await aboveC.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal("R16.PurchaseAboveCollective", (await purchase.ReadAsync()).GetProperty("key").GetString());

        var proposed = await admin.PostAsJsonAsync("/api/v1/county/settings", new { smallExpenseMin = 2_000m, smallExpenseMax = 2_000m, summary = "小额支出限额统一为2000元" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = (await proposed.ReadAsync()).GetProperty("id").GetGuid();
        var pending = await (await admin.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal(id, pending.GetProperty("pending").GetProperty("id").GetGuid());
        var named = pending.GetProperty("pendingWouldWaitFor").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.NotEmpty(named);

        var alone = await admin.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal("R40.ProposerCannotConfirm", (await alone.ReadAsync()).GetProperty("key").GetString());
        var confirmed = await admin2.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var change = await confirmed.ReadAsync();
        Assert.Equal("AwaitingUnits", change.GetProperty("state").GetString());
        Assert.Equal(named.Count, change.GetProperty("waitingFor").GetArrayLength());

        var after = await (await admin2.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal(5_000m, after.GetProperty("bounds").GetProperty("smallExpenseMax").GetDecimal());
        Assert.Equal(id, after.GetProperty("waiting").GetProperty("id").GetGuid());
        Assert.Equal(named, after.GetProperty("waitingFor").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pending").ValueKind);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task ANewName_IsProposedOnItsOwn_TakesEffectWhenASecondAdministratorConfirms_AndEveryPageShowsIt()
    {
        var admin = await _app.SignInAsync("admin");
        var admin2 = await _app.SignInAsync("admin2");
        var office = await _app.SignInAsync("u1.office");
        Assert.Contains("data-testid=\"county-name\">清河县<", await office.GetStringAsync("/workbench"), StringComparison.Ordinal);

        var withBounds = await admin.PostAsJsonAsync("/api/v1/county/settings", new { name = "清河市", purchaseMin = 500m, summary = "更名并调整" });
        var same = await admin.PostAsJsonAsync("/api/v1/county/settings", new { name = " 清河县 ", summary = "不变" });
        var tooLong = await admin.PostAsJsonAsync("/api/v1/county/settings", new { name = new string('县', 101), summary = "太长" });
        var byOffice = await office.PostAsJsonAsync("/api/v1/county/settings", new { name = "清河市", summary = "撤县设市" });
        Assert.Equal(HttpStatusCode.BadRequest, withBounds.StatusCode);
        Assert.Equal("R40.CountyNameUnchanged", (await same.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal("R40.CountyNameTooLong", (await tooLong.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);

        var proposed = await admin.PostAsJsonAsync("/api/v1/county/settings", new { name = " 清河市", summary = "撤县设市" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var change = await proposed.ReadAsync();
        var id = change.GetProperty("id").GetGuid();
        Assert.Equal("CountyName", change.GetProperty("subject").GetString());
        Assert.Equal("清河市", change.GetProperty("payload").GetProperty("name").GetString());
        var pending = await (await admin.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal("清河县", pending.GetProperty("name").GetString());
        Assert.Equal(id, pending.GetProperty("pendingRename").GetProperty("id").GetGuid());

        var alone = await admin.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal("R40.ProposerCannotConfirm", (await alone.ReadAsync()).GetProperty("key").GetString());
        var confirmed = await admin2.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Confirmed", (await confirmed.ReadAsync()).GetProperty("state").GetString());

        var after = await (await office.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal("清河市", after.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pendingRename").ValueKind);
        Assert.Contains("data-testid=\"county-name\">清河市<", await office.GetStringAsync("/workbench"), StringComparison.Ordinal);
        var publicIndex = await _app.NewClient().GetStringAsync("/public");
        Assert.Contains("清河市", publicIndex, StringComparison.Ordinal);
        Assert.DoesNotContain("清河县", publicIndex, StringComparison.Ordinal);
        Assert.Contains("<h1><span data-user>清河市</span> · ", await _app.NewClient().GetStringAsync($"/public/{after.GetProperty("id").GetGuid():D}/items"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R22")]
    [Trait("Rule", "R40")]
    public async Task TheOcdsPrefix_IsACountySetting_ProposedByOneAdministrator_ConfirmedByAnother_AndRefusedWhenMalformed()
    {
        var admin = await _app.SignInAsync("admin");
        var admin2 = await _app.SignInAsync("admin2");
        var office = await _app.SignInAsync("u1.office");
        var county = await (await admin.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal(JsonValueKind.Null, county.GetProperty("ocdsPrefix").ValueKind);
        Assert.Contains("ocds-fq0000</code> · <strong>", await admin.GetStringAsync("/admin/county"), StringComparison.Ordinal); // the placeholder, said to be one
        var countyId = county.GetProperty("id").GetGuid();
        var project = (await (await (await _app.SignInAsync("u1.principal1")).GetAsync("/api/v1/construction/")).ReadAsync()).EnumerateArray().Single().GetProperty("id").GetGuid();
        var notice = await _app.NewClient().GetStringAsync($"/public/{countyId:D}/construction/{project:D}");
        Assert.Contains($"ocds-fq0000-{project:D}", notice, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ocds-placeholder\"", notice, StringComparison.Ordinal);

        var malformed = await admin.PostAsJsonAsync("/api/v1/county/settings", new { ocdsPrefix = "ocds-QH01", summary = "登记" });
        var withName = await admin.PostAsJsonAsync("/api/v1/county/settings", new { ocdsPrefix = "ocds-qh0001", name = "清河市", summary = "登记" });
        var byOffice = await office.PostAsJsonAsync("/api/v1/county/settings", new { ocdsPrefix = "ocds-qh0001", summary = "登记" });
        Assert.Equal("R22.OcdsPrefix", (await malformed.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withName.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);

        var proposed = await admin.PostAsJsonAsync("/api/v1/county/settings", new { ocdsPrefix = " ocds-qh0001 ", summary = "已在开放合同伙伴组织登记" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var change = await proposed.ReadAsync();
        var id = change.GetProperty("id").GetGuid();
        Assert.Equal(("OcdsPrefix", "ocds-qh0001"), (change.GetProperty("subject").GetString(), change.GetProperty("payload").GetProperty("prefix").GetString()));
        var pending = await (await admin.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("ocdsPrefix").ValueKind);
        Assert.Equal(id, pending.GetProperty("pendingOcdsPrefix").GetProperty("id").GetGuid());

        // Four eyes: the proposer cannot confirm it; a second administrator can.
        var alone = await admin.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal("R40.ProposerCannotConfirm", (await alone.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await admin.GetAsync("/api/v1/county")).ReadAsync()).GetProperty("ocdsPrefix").ValueKind);
        var confirmed = await admin2.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var after = await (await office.GetAsync("/api/v1/county")).ReadAsync();
        Assert.Equal("ocds-qh0001", after.GetProperty("ocdsPrefix").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pendingOcdsPrefix").ValueKind);
        var page = await admin.GetStringAsync("/admin/county");
        Assert.Contains("data-testid=\"ocds-prefix-in-force\"><code>ocds-qh0001</code></p>", page, StringComparison.Ordinal);

        // R22: the demo's construction project is published under the registered prefix from now on, no longer said to be a placeholder.
        var registered = await _app.NewClient().GetStringAsync($"/public/{countyId:D}/construction/{project:D}");
        Assert.DoesNotContain("data-testid=\"ocds-placeholder\"", registered, StringComparison.Ordinal);
        var record = await _app.NewClient().GetAsync($"/ocds/{countyId:D}/records/ocds-qh0001-{project:D}.json");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        OcdsSchemas.AssertValidRecordPackage(await record.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync($"/ocds/{countyId:D}/records/ocds-fq0000-{project:D}.json")).StatusCode);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task OnlyCountyAdministrators_ProposeSettings()
    {
        var office = await _app.SignInAsync("u1.office");

        var refused = await office.PostAsJsonAsync("/api/v1/county/settings", new { smallExpenseMax = 4_000m, summary = "试图修改" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("R40.CountyOfficialsOnly", (await refused.ReadAsync()).GetProperty("key").GetString());
    }
}

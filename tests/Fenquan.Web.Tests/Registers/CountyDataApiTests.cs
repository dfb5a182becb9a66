using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fenquan.Web.Tests.Registers;

/// <summary>
/// The county's route-deciding data through the API (R18, R23, R40): one county administrator
/// alone cannot make a change take effect; a second one can; the county discipline inspection is
/// notified; nobody else proposes or confirms; and a submitter names an entry, never a flag.
/// </summary>
public sealed class CountyDataApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The catalogue in force with one more entry, as a proposal body.</summary>
    private static async Task<object> CatalogueWithScannerAsync(HttpClient client)
    {
        var catalogue = await (await client.GetAsync("/api/v1/county/catalogue")).ReadAsync();
        var entries = catalogue.GetProperty("entries").EnumerateArray().Select(e => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.GetRawText())!).Cast<object>().ToList();
        entries.Add(new { code = "A02010601", name = "扫描仪", category = "货物", centralisedPurchaseThreshold = 50_000, tenderThreshold = 2_000_000 });
        return new { subject = "ProcurementCatalogue", summary = "新增扫描仪", payload = new { entries } };
    }

    private static async Task<IReadOnlyList<string>> CatalogueCodesAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/county/catalogue")).ReadAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R29")]
    public async Task OneCountyAdministratorAlone_CannotMakeAChangeTakeEffect_ASecondOneCan()
    {
        var admin = await _app.SignInAsync("admin");
        var admin2 = await _app.SignInAsync("admin2");
        var staff = await _app.SignInAsync("u1.staff1");
        Assert.DoesNotContain("A02010601", await CatalogueCodesAsync(staff));

        var proposed = await admin.PostAsJsonAsync("/api/v1/county/changes", await CatalogueWithScannerAsync(admin));
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var change = await proposed.ReadAsync();
        Assert.Equal("Pending", change.GetProperty("state").GetString());
        var id = change.GetProperty("id").GetGuid();
        Assert.DoesNotContain("A02010601", await CatalogueCodesAsync(staff));

        var alone = await admin.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        var problem = await alone.ReadAsync();
        Assert.Equal("R40", problem.GetProperty("rule").GetString());
        Assert.Equal("R40.ProposerCannotConfirm", problem.GetProperty("key").GetString());
        Assert.DoesNotContain("A02010601", await CatalogueCodesAsync(staff));

        var confirmed = await admin2.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("admin2", (await confirmed.ReadAsync()).GetProperty("confirmedBy").GetString());
        Assert.Contains("A02010601", await CatalogueCodesAsync(staff));

        var inspection = await _app.SignInAsync("county.discipline");
        var notices = (await (await inspection.GetAsync("/api/v1/notifications")).ReadAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("subjectId").GetGuid() == id).ToList();
        Assert.Equal(["CountyChangeConfirmed", "CountyChangeProposed"], notices.Select(n => n.GetProperty("kind").GetString()));
        Assert.Contains("政府采购目录", notices[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("新增扫描仪", notices[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("/registers/changes", notices[1].GetProperty("link").GetString());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task OnlyCountyAdministrators_ProposeOrConfirm_EveryoneReads()
    {
        var office = await _app.SignInAsync("u1.office");
        var admin = await _app.SignInAsync("admin");

        var register = await (await office.GetAsync("/api/v1/county/approval-items")).ReadAsync();
        Assert.Equal(12, register.GetProperty("items").GetArrayLength());
        Assert.Equal(3, register.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("isMajor").GetBoolean()));

        var byOffice = await office.PostAsJsonAsync("/api/v1/county/changes", await CatalogueWithScannerAsync(office));
        Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        Assert.Equal("R40.CountyOfficialsOnly", (await byOffice.ReadAsync()).GetProperty("key").GetString());

        var id = (await (await admin.PostAsJsonAsync("/api/v1/county/changes", await CatalogueWithScannerAsync(admin))).ReadAsync()).GetProperty("id").GetGuid();
        var confirmByOffice = await office.PostAsync($"/api/v1/county/changes/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Forbidden, confirmByOffice.StatusCode);
        Assert.Equal("Pending", (await (await office.GetAsync($"/api/v1/county/changes/{id}")).ReadAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R23")]
    [Trait("Rule", "R40")]
    [InlineData("""{"kind":"PurchasePlan","title":"采购台式计算机","amount":800,"payeeName":"清河县电脑城","itemCode":"none","catalogueItem":false}""", "R18")]
    [InlineData("""{"kind":"ApprovalItem","title":"宅基地审批","itemCode":"QH-XK-001","majorApprovalItem":false}""", "R23")]
    public async Task Submission_StillDeclaringAFlag_Is400NamingTheRule_AndChangesNothing(string body, string rule)
    {
        var clerk = await _app.SignInAsync(rule == "R18" ? "u1.section1" : "u1.staff1");
        var before = await _app.CountsAsync();

        var response = await clerk.PostAsync("/api/v1/matters", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync();
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        Assert.Equal(rule + ".SelfDeclared", problem.GetProperty("key").GetString());
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    public async Task CataloguePurchase_GoesToTheTeam_AtAnyAmount_AndAnUnknownEntryIsRefused()
    {
        var section = await _app.SignInAsync("u1.section1");

        var paper = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "PurchasePlan", title = "采购复印纸", amount = 600m, payeeName = "清河县文具办公用品商店", itemCode = "A05040101" });
        var unknown = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "PurchasePlan", title = "采购无人机", amount = 600m, payeeName = "清河县文具办公用品商店", itemCode = "A99999999" });
        var unnamed = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "PurchasePlan", title = "采购无人机", amount = 600m, payeeName = "清河县文具办公用品商店" });

        Assert.Equal(HttpStatusCode.Created, paper.StatusCode);
        var matter = await paper.ReadAsync();
        Assert.Equal("A05040101", matter.GetProperty("itemCode").GetString());
        Assert.Contains(matter.GetProperty("route").EnumerateArray(), s => s.GetProperty("kind").GetString() == "CollectiveDecision");
        Assert.Equal("R18.NotInCatalogue", (await unknown.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal("R18.CatalogueItemNotNamed", (await unnamed.ReadAsync()).GetProperty("key").GetString());
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    public async Task OfficeCorrectsAPurchaseNamedNotInTheCatalogue_AndItGoesToTheTeam_TheSubmitterCannot()
    {
        var section = await _app.SignInAsync("u1.section1");
        var office = await _app.SignInAsync("u1.office");
        var submitted = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "PurchasePlan", title = "采购电脑", amount = 800m, payeeName = "县城电脑科技有限公司", itemCode = "none" });
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();

        var bySubmitter = await section.PostAsJsonAsync($"/api/v1/matters/{id}/item", new { itemCode = "A02010104" });
        var byOffice = await office.PostAsJsonAsync($"/api/v1/matters/{id}/item", new { itemCode = "A02010104" });

        Assert.Equal(HttpStatusCode.Forbidden, bySubmitter.StatusCode);
        Assert.Equal("R18.OnlyOfficeCorrectsItem", (await bySubmitter.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, byOffice.StatusCode);
        var matter = await byOffice.ReadAsync();
        Assert.Equal("A02010104", matter.GetProperty("itemCode").GetString());
        Assert.Equal(2, matter.GetProperty("round").GetInt32());
        Assert.Contains(matter.GetProperty("route").EnumerateArray(), s => s.GetProperty("kind").GetString() == "CollectiveDecision");
        var page = await (await office.GetAsync($"/matters/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"correct-item\"", page, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R24")]
    public async Task RegisterPages_ShowTheCountyData_InChinese()
    {
        var staff = await _app.SignInAsync("u1.staff1");

        var catalogue = await (await staff.GetAsync("/registers/catalogue")).Content.ReadAsStringAsync();
        var register = await (await staff.GetAsync("/registers/approval-items")).Content.ReadAsStringAsync();
        var form = await (await staff.GetAsync("/matters/new?area=Procurement")).Content.ReadAsStringAsync();

        Assert.Contains("物业管理服务", catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"propose\"", catalogue, StringComparison.Ordinal);
        Assert.Contains("民办学校设立审批", register, StringComparison.Ordinal);
        Assert.Contains("不在政府采购目录内", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"CatalogueItem\"", form, StringComparison.Ordinal);
    }
}

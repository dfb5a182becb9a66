using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Counterparties;

namespace Fenquan.Web.Tests.Registers;

/// <summary>
/// R6 through the API and the pages: a matter pays a person of the county or an entry of the
/// county's counterparty register; those the core allows register entries; an individual's ID
/// number is shown masked but to finance staff; and a declared tie keeps the declarer off matters
/// paying the counterparty, however they are submitted.
/// </summary>
[Trait("Rule", "R6")]
public sealed class CounterpartyApiTests : IAsyncLifetime
{
    private static readonly string NewCode = CounterpartyIdentifier.CompleteCreditCode("91130534MA0W01QH0");

    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<System.Text.Json.JsonElement> FindAsync(HttpClient client, string name) =>
        (await (await client.GetAsync("/api/v1/county/counterparties?q=" + Uri.EscapeDataString(name))).ReadAsync()).EnumerateArray().Single();

    [Fact]
    public async Task TheOfficeRegisters_StaffMayNot_AndAnIdentifierIsRegisteredOnce()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        var office = await _app.SignInAsync("u1.office");
        var before = await _app.CountsAsync();

        var refused = await staff.PostAsJsonAsync("/api/v1/county/counterparties", new { kind = "Company", name = "清河县宏远建材有限公司", identifier = NewCode });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("R6.RegistersCounterparties", (await refused.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(before, await _app.CountsAsync());

        var invalid = await office.PostAsJsonAsync("/api/v1/county/counterparties", new { kind = "Company", name = "清河县宏远建材有限公司", identifier = NewCode[..17] + "0" });
        Assert.Equal("R6.InvalidCreditCode", (await invalid.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(before, await _app.CountsAsync());

        var registered = await office.PostAsJsonAsync("/api/v1/county/counterparties", new { kind = "Company", name = "清河县宏远建材有限公司", identifier = NewCode });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var entry = await registered.ReadAsync();
        Assert.Equal(NewCode, entry.GetProperty("identifier").GetString());
        Assert.Contains("u1.office", entry.GetProperty("registeredBy").GetString(), StringComparison.Ordinal);

        var again = await office.PostAsJsonAsync("/api/v1/county/counterparties", new { kind = "Company", name = "宏远建材", identifier = NewCode });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R6.CounterpartyRegistered", (await again.ReadAsync()).GetProperty("key").GetString());

        // Everyone of the county reads it.
        Assert.Equal(entry.GetProperty("id").GetGuid(), (await FindAsync(staff, "宏远")).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnIndividualsIdNumber_IsMasked_ButForFinanceStaff()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        var finance = await _app.SignInAsync("u1.financestaff");
        var (name, id) = Data.Demo.DemoCounterparties.Individuals[0];

        var masked = await FindAsync(staff, name);
        Assert.Equal(string.Concat(id.AsSpan(0, 6), "********", id.AsSpan(14)), masked.GetProperty("identifier").GetString());
        Assert.True(masked.GetProperty("identifierMasked").GetBoolean());
        Assert.DoesNotContain(id, await staff.GetStringAsync("/registers/counterparties"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, await (await staff.GetAsync($"/api/v1/county/counterparties/{masked.GetProperty("id").GetGuid()}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(id, (await FindAsync(finance, name)).GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task AMatterPaysARegisteredEntry_NeverABareName()
    {
        var section = await _app.SignInAsync("u1.section1");
        var before = await _app.CountsAsync();

        var bare = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 800m, payeeName = "随手写的文具店" });
        Assert.Equal(HttpStatusCode.Conflict, bare.StatusCode);
        var problem = await bare.ReadAsync();
        Assert.Equal("R6.PayeeNotRegistered", problem.GetProperty("key").GetString());
        Assert.Equal("随手写的文具店", problem.GetProperty("arguments").GetProperty("name").GetString());

        var unknown = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 800m, payeeCounterpartyId = Guid.CreateVersion7() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var twice = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 800m, payMe = true, payeeName = "清河县文具办公用品商店" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(before, await _app.CountsAsync());

        var supplier = await FindAsync(section, "清河县文具办公用品商店");
        var submitted = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 800m, payeeCounterpartyId = supplier.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var payee = (await submitted.ReadAsync()).GetProperty("payee");
        Assert.Equal(supplier.GetProperty("id").GetGuid(), payee.GetProperty("counterpartyId").GetGuid());
        Assert.Equal("清河县文具办公用品商店", payee.GetProperty("name").GetString());

        var byName = await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品", amount = 800m, payeeName = "清河县文具办公用品商店" });
        Assert.Equal(supplier.GetProperty("id").GetGuid(), (await byName.ReadAsync()).GetProperty("payee").GetProperty("counterpartyId").GetGuid());
    }

    [Fact]
    public async Task AFinanceDeputyTiedToASupplier_NeverDecidesAMatterPayingIt()
    {
        var deputy = await _app.SignInAsync("u1.finance");
        var section = await _app.SignInAsync("u1.section1");
        var office = await _app.SignInAsync("u1.office");
        var supplier = (await FindAsync(deputy, "县城电脑科技有限公司")).GetProperty("id").GetGuid();

        var declared = await deputy.PostAsJsonAsync($"/api/v1/county/counterparties/{supplier}/ties", new { relationship = "配偶任法定代表人" });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        Assert.Single((await (await deputy.GetAsync("/api/v1/county/counterparties/ties/mine")).ReadAsync()).EnumerateArray());
        var twice = await deputy.PostAsJsonAsync($"/api/v1/county/counterparties/{supplier}/ties", new { relationship = "配偶" });
        Assert.Equal("R6.TieAlreadyDeclared", (await twice.ReadAsync()).GetProperty("key").GetString());

        var matter = await (await section.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "电脑维修费", amount = 800m, payeeName = "县城电脑科技有限公司" })).ReadAsync();
        var id = matter.GetProperty("id").GetGuid();
        Assert.Equal("Principal", matter.GetProperty("route").EnumerateArray().Last().GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);

        var refused = await deputy.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" });
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var principal = await _app.SignInAsync("u1.principal1");
        Assert.Equal(HttpStatusCode.OK, (await principal.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
    }

    [Fact]
    public async Task ThePage_RegistersWithAntiforgery_AndOffersNoFormToThoseWhoMayNot()
    {
        var staff = await _app.SignInAsync("u1.staff1");
        Assert.DoesNotContain("data-testid=\"register\"", await staff.GetStringAsync("/registers/counterparties"), StringComparison.Ordinal);
        var before = await _app.CountsAsync();
        var forged = await WebApp.PostFormAsync(staff, "/registers/counterparties", "Register", new() { ["Kind"] = "Company", ["Name"] = "伪造公司", ["Identifier"] = NewCode });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("/account/denied", forged.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountsAsync());

        var office = await _app.SignInAsync("u1.office");
        var page = await office.GetStringAsync("/registers/counterparties");
        Assert.Contains("data-testid=\"register\"", page, StringComparison.Ordinal);
        Assert.Contains("往来单位和个人", page, StringComparison.Ordinal);
        var noToken = await office.PostAsync("/registers/counterparties?handler=Register", new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "Company", ["Name"] = "无令牌公司", ["Identifier"] = NewCode }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var bad = await WebApp.PostFormAsync(office, "/registers/counterparties", "Register", new() { ["Kind"] = "Company", ["Name"] = "清河县宏远建材有限公司", ["Identifier"] = "123" });
        Assert.Contains("R6", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await WebApp.PostFormAsync(office, "/registers/counterparties", "Register", new() { ["Kind"] = "Company", ["Name"] = "清河县宏远建材有限公司", ["Identifier"] = NewCode });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(NewCode, await staff.GetStringAsync("/registers/counterparties?q=" + Uri.EscapeDataString("宏远")), StringComparison.Ordinal);
    }
}

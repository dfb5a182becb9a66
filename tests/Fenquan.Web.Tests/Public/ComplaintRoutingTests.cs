using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Public;

/// <summary>
/// R32 routing over real HTTP: a complaint about a principal goes to the county's discipline
/// inspection and is never visible to that principal — not in the complaints list, not on its page,
/// not through the API — nor to the unit's discipline member; one about staff goes to the unit's
/// discipline member and never to that staff member. The county sees counts, not content.
/// </summary>
[Trait("Rule", "R32")]
public sealed class ComplaintRoutingTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(Guid County, Guid Unit, Guid Person)> WhoAsync(string userName)
    {
        var client = await _app.SignInAsync(userName);
        var me = await (await client.GetAsync("/api/v1/me")).ReadAsync();
        await using var db = _app.Db();
        var person = me.GetProperty("personId").GetGuid();
        var unit = await db.Memberships.Where(m => m.PersonId == new Core.Primitives.PersonId(person)).Select(m => m.UnitId).FirstAsync();
        return (await CitizenClient.CountyAsync(_app), unit.Value, person);
    }

    private async Task<(Guid Id, string Receipt)> FileAsync(Guid county, Guid unit, Guid about, string text)
    {
        var citizen = new CitizenClient(_app.NewClient());
        var response = await citizen.PostFormAsync($"/public/{county}/complaint", [new("Unit", unit.ToString()), new("About", about.ToString()), new("Body", text), new("Complainant", "赵六")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var receipt = CitizenClient.Field(html, "receipt-number");
        await using var db = _app.Db();
        var id = await db.Set<Core.Supervision.EfficiencyComplaint>().Where(c => c.ReceiptNumber == receipt).Select(c => c.Id).SingleAsync();
        return (id, receipt);
    }

    private static async Task AssertNeverSeenAsync(HttpClient client, Guid id, string receipt, string text)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/complaints/{id}")).StatusCode);
        var list = await client.GetStringAsync("/complaints");
        Assert.DoesNotContain(receipt, list);
        Assert.DoesNotContain(text, list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
        var api = await client.GetStringAsync("/api/v1/complaints");
        Assert.DoesNotContain(receipt, api);
        Assert.DoesNotContain(id.ToString(), api);
        foreach (var page in new[] { "/workbench", "/notifications", "/applications" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain(receipt, html);
            Assert.DoesNotContain(text, html);
        }
    }

    [Fact]
    public async Task AComplaintAboutAPrincipal_GoesToTheCounty_AndIsNeverVisibleToThatPrincipal()
    {
        var (county, unit, principal) = await WhoAsync("u1.principal1");
        const string text = "主要负责人对群众办件推诿拖延";
        var (id, receipt) = await FileAsync(county, unit, principal, text);

        await AssertNeverSeenAsync(await _app.SignInAsync("u1.principal1"), id, receipt, text);
        await AssertNeverSeenAsync(await _app.SignInAsync("u1.discipline"), id, receipt, text);

        var inspection = await _app.SignInAsync("county.discipline");
        Assert.Contains(receipt, await inspection.GetStringAsync("/complaints"));
        var page = await inspection.GetStringAsync($"/complaints/{id}");
        Assert.Contains(text, page);
        Assert.Contains("县纪委监委", page);
        var dto = await (await inspection.GetAsync($"/api/v1/complaints/{id}")).ReadAsync();
        Assert.Equal("CountyDisciplineInspection", dto.GetProperty("route").GetString());
        Assert.Contains(receipt, await inspection.GetStringAsync("/notifications"));
    }

    [Fact]
    public async Task AComplaintAboutTheDisciplineMember_GoesToTheCounty_AndIsNeverVisibleToThem()
    {
        var (county, unit, member) = await WhoAsync("u2.discipline");
        const string text = "纪检委员对投诉不予理睬";
        var (id, receipt) = await FileAsync(county, unit, member, text);
        await AssertNeverSeenAsync(await _app.SignInAsync("u2.discipline"), id, receipt, text);
        Assert.Contains(receipt, await (await _app.SignInAsync("county.discipline")).GetStringAsync("/complaints"));
    }

    [Fact]
    public async Task AComplaintAboutStaff_GoesToTheUnitsDisciplineMember_NeverToThatStaffMember_AndTheCountySeesCounts()
    {
        var (county, unit, staff) = await WhoAsync("u3.staff1");
        const string text = "窗口工作人员办件超时";
        var (id, receipt) = await FileAsync(county, unit, staff, text);
        await AssertNeverSeenAsync(await _app.SignInAsync("u3.staff1"), id, receipt, text);
        await AssertNeverSeenAsync(await _app.SignInAsync("u3.principal1"), id, receipt, text);

        var member = await _app.SignInAsync("u3.discipline");
        Assert.Contains(text, await member.GetStringAsync($"/complaints/{id}"));
        var list = JsonSerializer.Deserialize<JsonElement>(await member.GetStringAsync("/api/v1/complaints"));
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("route").GetString() == "UnitDiscipline");

        // The county administrator sees the count per unit, not the complaint.
        var admin = await _app.SignInAsync("admin");
        var monitor = await admin.GetStringAsync("/county/efficiency");
        Assert.DoesNotContain(text, monitor);
        Assert.DoesNotContain(receipt, monitor);
        Assert.Contains("data-testid=\"complaints-by-unit\"", monitor);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/complaints/{id}")).StatusCode);
        var denied = await member.GetAsync("/county/efficiency");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

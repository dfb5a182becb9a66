using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// R6 over HTTP: a staff expense paying the finance deputy is not routed to that deputy and stuck —
/// the deputy's approval goes to a principal at submission, the deputy is refused, a principal
/// approves; a payee who is not a person of the county is not found.
/// </summary>
[Trait("Rule", "R6")]
public sealed class PayeeRerouteWebTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AnExpensePayingTheFinanceDeputy_IsApprovedByAPrincipal_NotByTheDeputy(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clients = new Dictionary<string, HttpClient>();
        var people = new Dictionary<string, Guid>();
        foreach (var user in new[] { "u1.staff1", "u1.office", "u1.finance", "u1.principal1" })
        {
            clients[user] = await app.SignInAsync(user);
            people[user] = (await (await clients[user].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        }

        var submitted = await clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "代垫分管领导差旅费", amount = 800m, payeePersonId = people["u1.finance"] });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var matter = await submitted.ReadAsync();
        var id = matter.GetProperty("id").GetGuid();
        Assert.Equal(people["u1.finance"], matter.GetProperty("payee").GetProperty("personId").GetGuid());
        Assert.Equal(["Office", "Principal"], matter.GetProperty("route").EnumerateArray().Select(s => s.GetProperty("actor").GetString()!));
        var (stored, _) = await app.LoadAsync(id);
        Assert.Contains("R6", stored.Route.Rules);
        Assert.Equal(Core.Policy.ActorKind.DeputyInCharge, stored.Route.Steps[1].ReroutedFrom!.Kind);

        Assert.True((await clients["u1.office"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).IsSuccessStatusCode);
        var byDeputy = await clients["u1.finance"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" });
        Assert.False(byDeputy.IsSuccessStatusCode);
        var approved = await clients["u1.principal1"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.Equal(Core.Matters.MatterState.Approved, (await app.LoadAsync(id)).Matter.State);

        var stranger = await clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "付款给不存在的人", amount = 800m, payeePersonId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var twice = await clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "两个收款人", amount = 800m, payMe = true, payeePersonId = people["u1.finance"] });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }
}

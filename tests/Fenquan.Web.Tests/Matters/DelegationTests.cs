using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// Delegation while away (代理): another deputy approves for the finance deputy and the action shows
/// on whose behalf; a principal never receives a deputy's finance steps (R4); without a delegation in
/// force the on-behalf-of claim is refused. Refusals change nothing.
/// </summary>
public sealed class DelegationTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, Guid> _people = [];

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        foreach (var user in new[] { "u1.staff1", "u1.office", "u1.finance", "u1.personnel", "u1.procurement", "u1.principal1", "u1.principal2" })
        {
            _clients[user] = await _app.SignInAsync(user);
            _people[user] = (await (await _clients[user].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> ReviewedExpenseAsync(string title)
    {
        var id = (await (await _clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount = 3000m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _clients["u1.office"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review", comment = "票据齐全" })).StatusCode);
        return id;
    }

    private Task<HttpResponseMessage> DelegateAsync(string from, string to, params string[] areas) =>
        _clients[from].PostAsJsonAsync("/api/v1/delegations", new { delegateId = _people[to], role = "Deputy", areas, until = DateTimeOffset.UtcNow.AddDays(7) });

    [Fact]
    public async Task AnotherDeputy_ApprovesOnBehalfOfTheFinanceDeputy_AndTheActionShowsForWhom()
    {
        var created = await DelegateAsync("u1.finance", "u1.personnel", "Finance");
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var delegation = (await created.ReadAsync()).GetProperty("id").GetGuid();
        var mine = await (await _clients["u1.personnel"].GetAsync("/api/v1/delegations")).ReadAsync();
        Assert.Contains(mine.GetProperty("received").EnumerateArray(), d => d.GetProperty("id").GetGuid() == delegation);

        var id = await ReviewedExpenseAsync("外出期间的差旅费");
        var page = await _clients["u1.personnel"].GetStringAsync($"/matters/{id}");
        Assert.Contains("data-testid=\"on-behalf-of-choice\"", page);
        Assert.Contains("data-testid=\"action-Approve\"", page);
        var tasks = await (await _clients["u1.personnel"].GetAsync("/api/v1/tasks")).ReadAsync();
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("matter").GetProperty("id").GetGuid() == id && t.GetProperty("onBehalfOf").GetGuid() == _people["u1.finance"]);
        Assert.Contains("data-testid=\"task-on-behalf-of\"", await _clients["u1.personnel"].GetStringAsync("/workbench"));

        var approved = await _clients["u1.personnel"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve", comment = "代为审批", onBehalfOf = _people["u1.finance"] });
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        Assert.Equal(_people["u1.finance"], (await approved.ReadAsync()).GetProperty("onBehalfOf").GetGuid());

        var matter = await (await _clients["u1.staff1"].GetAsync($"/api/v1/matters/{id}")).ReadAsync();
        Assert.Equal("Approved", matter.GetProperty("state").GetString());
        var last = matter.GetProperty("actions").EnumerateArray().Last();
        Assert.Equal(_people["u1.personnel"], last.GetProperty("actorId").GetGuid());
        Assert.Equal(_people["u1.finance"], last.GetProperty("onBehalfOf").GetGuid());
        Assert.Contains("data-testid=\"on-behalf-of\"", await _clients["u1.staff1"].GetStringAsync($"/matters/{id}"));

        // Revoked: the next matter can no longer be approved for the finance deputy.
        Assert.Equal(HttpStatusCode.NoContent, (await _clients["u1.finance"].PostAsync($"/api/v1/delegations/{delegation}/revoke", null)).StatusCode);
        var next = await ReviewedExpenseAsync("撤销代理之后");
        var before = await _app.CountsAsync();
        var refused = await _clients["u1.personnel"].PostAsJsonAsync($"/api/v1/matters/{next}/actions", new { action = "Approve", onBehalfOf = _people["u1.finance"] });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("R7", (await refused.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task OnBehalfOf_WithoutADelegation_IsRefused_AndChangesNothing()
    {
        var id = await ReviewedExpenseAsync("无代理");
        var before = await _app.CountsAsync();
        var refused = await _clients["u1.procurement"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve", onBehalfOf = _people["u1.finance"] });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refused.ReadAsync()).GetProperty("rule").GetString()));
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task DelegatingFinanceToAPrincipal_IsRefusedNamingR4_OnTheApiAndThePage()
    {
        var before = await _app.CountsAsync();
        var refused = await DelegateAsync("u1.finance", "u1.principal1", "Finance");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadAsync();
        Assert.Equal("R4", problem.GetProperty("rule").GetString());
        Assert.Contains("principal", problem.GetProperty("reason").GetString());
        Assert.Equal(before, await _app.CountsAsync());

        var finance = _clients["u1.finance"];
        var page = await finance.GetStringAsync("/workbench/delegations");
        Assert.Contains("data-testid=\"delegate-form\"", page);
        var post = await finance.PostAsync("/workbench/delegations?handler=Create", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("DelegateId", _people["u1.principal1"].ToString()),
            new("Role", "Deputy"),
            new("Areas", "Finance"),
            new("UntilDay", DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", WebApp.Token(page)),
        }));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("R4", await post.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    [Trait("Rule", "R43")]
    public async Task ATeamStep_IsNotTakenThroughADelegation_NorByTheDelegatorAlone_R43()
    {
        // The first principal hands their steps to the second while away; the second principal's own
        // expense (office → finance deputy → the team is informed) then waits for a principal.
        var created = await _clients["u1.principal1"].PostAsJsonAsync("/api/v1/delegations", new { delegateId = _people["u1.principal2"], role = "Principal", until = DateTimeOffset.UtcNow.AddDays(7) });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var submitted = await _clients["u1.principal2"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "正职本人差旅费", amount = 3000m, payMe = true });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _clients["u1.office"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _clients["u1.finance"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);

        var before = await _app.CountsAsync();
        var refused = await _clients["u1.principal2"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "InformTeam", reference = "班子会议 2026-12", onBehalfOf = _people["u1.principal1"] });
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        var problem = await refused.ReadAsync();
        Assert.Equal("R43", problem.GetProperty("rule").GetString());
        Assert.Equal(before, await _app.CountsAsync());

        // Nor does the delegator alone: the team hears it in a meeting (R6 [design], R43).
        var own = await _clients["u1.principal1"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "InformTeam", reference = "班子会议 2026-12" });
        Assert.True(own.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, await own.Content.ReadAsStringAsync());
        Assert.Equal("R43.TeamStepOnlyInMeeting", (await own.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task DelegationPage_CreatesListsAndRevokes()
    {
        var finance = _clients["u1.finance"];
        var page = await finance.GetStringAsync("/workbench/delegations");
        var post = await finance.PostAsync("/workbench/delegations?handler=Create", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("DelegateId", _people["u1.procurement"].ToString()),
            new("Role", "Deputy"),
            new("UntilDay", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("__RequestVerificationToken", WebApp.Token(page)),
        }));
        Assert.True(post.StatusCode == HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        var given = await (await finance.GetAsync("/api/v1/delegations")).ReadAsync();
        var row = given.GetProperty("given").EnumerateArray().Single(d => d.GetProperty("delegateId").GetGuid() == _people["u1.procurement"]);
        Assert.Contains("data-testid=\"received\"", await _clients["u1.procurement"].GetStringAsync("/workbench/delegations"));

        page = await finance.GetStringAsync("/workbench/delegations");
        var revoke = await finance.PostAsync($"/workbench/delegations?handler=Revoke&id={row.GetProperty("id").GetGuid()}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebApp.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var after = await (await finance.GetAsync("/api/v1/delegations")).ReadAsync();
        Assert.DoesNotContain(after.GetProperty("given").EnumerateArray(), d => d.GetProperty("id").GetGuid() == row.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Array, after.GetProperty("received").ValueKind);
    }
}

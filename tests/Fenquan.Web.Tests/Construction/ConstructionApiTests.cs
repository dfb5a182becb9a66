using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fenquan.Web.Tests.Construction;

/// <summary>
/// A construction project through the JSON API on the demo's 城关镇 (R19–R22): the section head
/// proposes, the team decides in a recorded meeting, the construction deputy records the tender,
/// bids, ranking and notice, the contractor is refused during the 3-day notice and chosen by the team
/// after it, and the finance staff's payment above the contract is refused. Another unit's project
/// is not found; the public notice needs no sign-in.
/// </summary>
public sealed class ConstructionApiTests : IAsyncLifetime
{
    private static readonly string[] Team = ["u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction"];

    private readonly ShiftableTime _time = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, Guid> _people = [];
    private WebApp _app = null!;
    private int _meetings;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync(time: _time);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R19")]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R22")]
    public async Task Project_TenderBidsNoticeContract_EarlyChoiceAndOverContractPaymentRefused()
    {
        foreach (var user in Team.Concat(["u1.office", "u1.section1", "u1.financestaff"]))
        {
            await ClientAsync(user);
        }

        var proposed = await _clients["u1.section1"].PostAsJsonAsync("/api/v1/construction", new { title = "城关镇农贸市场雨棚工程", budget = 300_000m });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var project = await proposed.ReadAsync();
        var id = project.GetProperty("id").GetGuid();
        var url = $"/api/v1/construction/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.construction")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewClient().GetAsync($"/public/{await CountyAsync()}/construction/{id}")).StatusCode);

        // 立项: the construction deputy reviews, the team decides, the office records the hand-off and notice.
        var proposal = project.GetProperty("proposalMatterId").GetGuid();
        await ActAsync(proposal, "u1.construction", "Review");
        await MeetAsync(proposal);
        await ActAsync(proposal, "u1.office", "HandOff", "清河县招标办受理〔2026〕31号");
        await ActAsync(proposal, "u1.office", "RecordPublicNotice", "城关镇政务公开栏");

        // R20: the principal does not record the tender; a township records the district's guidance.
        var tender = new { method = "Open", tenderOfficeReference = "清河县招标办受理〔2026〕31号", districtGuidance = "县招标办指导意见〔2026〕8号" };
        Assert.Equal(HttpStatusCode.Conflict, (await _clients["u1.principal1"].PostAsJsonAsync($"{url}/tender", tender)).StatusCode);
        Assert.Equal("R20.DistrictGuidance", await KeyAsync(await _clients["u1.construction"].PostAsJsonAsync($"{url}/tender", new { method = "Open", tenderOfficeReference = "x" })));
        Assert.Equal(HttpStatusCode.OK, (await _clients["u1.construction"].PostAsJsonAsync($"{url}/tender", tender)).StatusCode);

        var companies = (await (await _clients["u1.construction"].GetAsync("/api/v1/county/counterparties")).ReadAsync()).EnumerateArray().Take(3).Select(c => c.GetProperty("id").GetGuid()).ToList();
        var bids = new List<Guid>();
        foreach (var (company, price) in companies.Zip([288_000m, 276_500m, 295_000m]))
        {
            var bid = await _clients["u1.construction"].PostAsJsonAsync($"{url}/bids", new { bidderId = company, price });
            Assert.Equal(HttpStatusCode.Created, bid.StatusCode);
            bids.Add((await bid.ReadAsync()).GetProperty("id").GetGuid());
        }

        Assert.Equal(HttpStatusCode.OK, (await _clients["u1.construction"].PostAsJsonAsync($"{url}/ranking", new { order = new[] { bids[1], bids[0], bids[2] }, evaluationReference = "评标报告〔2026〕31号" })).StatusCode);
        var noticed = await _clients["u1.construction"].PostAsJsonAsync($"{url}/notice", new { where = "清河县公共资源交易网" });
        Assert.Equal("Noticed", (await noticed.ReadAsync()).GetProperty("stage").GetString());

        // R21: not during the 3-day notice; after it, the first-ranked goes to the team.
        var early = await _clients["u1.section1"].PostAsJsonAsync($"{url}/contractor", new { bidId = bids[1] });
        Assert.Equal("R21.CandidateNoticeRunning", await KeyAsync(early));
        _time.Offset += TimeSpan.FromDays(3);
        _clients.Clear();
        foreach (var user in Team.Concat(["u1.office", "u1.section1", "u1.financestaff"]))
        {
            await ClientAsync(user);
        }

        var chosen = await _clients["u1.section1"].PostAsJsonAsync($"{url}/contractor", new { bidId = bids[1] });
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var choice = (await chosen.ReadAsync()).GetProperty("matterId").GetGuid();
        await ActAsync(choice, "u1.construction", "Review");
        await MeetAsync(choice);
        await ActAsync(choice, "u1.office", "HandOff", "中标通知书〔2026〕31号");
        await ActAsync(choice, "u1.office", "RecordPublicNotice", "清河县公共资源交易网");

        var today = (await (await _clients["u1.construction"].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("today").GetString();
        var contract = await _clients["u1.construction"].PostAsJsonAsync($"{url}/contract",
            new { amount = 276_500m, signedOn = today, worksFrom = today, worksUntil = DateOnly.Parse(today!, System.Globalization.CultureInfo.InvariantCulture).AddMonths(4), reference = "城关镇施工合同〔2026〕12号", retentionRate = 0.03m, warrantyMonths = 24 });
        Assert.Equal(HttpStatusCode.OK, contract.StatusCode);
        Assert.Equal(276_500m, (await contract.ReadAsync()).GetProperty("contractAmount").GetDecimal());

        // R19: a payment above the contract is refused; a progress payment within it is recorded.
        var payments = $"/api/v1/matters/{choice}/payments";
        var over = await _clients["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 276_500.01m, method = "TreasuryDirect", reference = "GK-31-1" });
        Assert.Equal("R19.PaymentAboveContract", await KeyAsync(over));
        Assert.Equal(HttpStatusCode.Created, (await _clients["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 100_000m, method = "TreasuryDirect", reference = "GK-31-2" })).StatusCode);

        // R22: the public notice shows the method, the candidates and the result, without sign-in.
        var notice = await (await _app.NewClient().GetAsync($"/public/{await CountyAsync()}/construction/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("公开招标", notice, StringComparison.Ordinal);
        Assert.Contains("¥276,500.00", notice, StringComparison.Ordinal);
        Assert.Contains("清河县公共资源交易网", notice, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = await _app.SignInAsync(user);
        _clients[user] = client;
        _people[user] = (await (await client.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        return client;
    }

    private async Task<Guid> CountyAsync()
    {
        await using var db = _app.Db();
        return db.Counties.Select(c => c.Id.Value).First();
    }

    private static async Task<string?> KeyAsync(HttpResponseMessage response) => (await response.ReadAsync()).GetProperty("key").GetString();

    private async Task ActAsync(Guid matter, string user, string action, string? reference = null)
    {
        var acted = await _clients[user].PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action, comment = "同意", reference });
        Assert.True(acted.StatusCode == HttpStatusCode.OK, await acted.Content.ReadAsStringAsync());
    }

    // R43: the whole team present, deputies first and the chair last, minutes signed by all.
    private async Task MeetAsync(Guid matter)
    {
        var office = _clients["u1.office"];
        var scheduled = await office.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = $"城关镇工程专题会议{++_meetings}", scheduledAt = _time.GetUtcNow(), chairId = _people["u1.principal1"] });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = matter, documents = new[] { "项目资料" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        var item = (await (await office.GetAsync($"/api/v1/meetings/{meeting}")).ReadAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var member in Team)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = _people[member], present = true })).StatusCode);
        }

        foreach (var member in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.construction", "u1.principal2", "u1.principal1" })
        {
            var said = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/opinions", new { itemId = item, personId = _people[member], kind = "Agree", reason = "同意" });
            Assert.True(said.StatusCode == HttpStatusCode.OK, await said.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);
        foreach (var member in Team)
        {
            Assert.Equal(HttpStatusCode.OK, (await _clients[member].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);
        }

        var state = (await (await _clients["u1.section1"].GetAsync($"/api/v1/matters/{matter}")).ReadAsync()).GetProperty("state").GetString();
        Assert.Equal("Pending", state); // bound; the hand-off and notice follow
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fenquan.Web.Tests.Public;

/// <summary>
/// Approval applications through the JSON API (R24, R46): the handling unit's staff list, filter,
/// read and handle them with the same core decisions as the pages; another unit's application is not
/// found, a principal who sees it may not act (403), refusals name their rules; the applicant follows
/// up without an account, and an unknown receipt and a wrong code answer the same.
/// </summary>
[Trait("Rule", "R24")]
public sealed partial class ApplicationApiTests : IAsyncLifetime
{
    private const string IdentityDocument = "申请人身份证明（身份证或营业执照）";

    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<string> KeyOfAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    private static async Task<List<string>> ReceiptsAsync(HttpClient client, string query = "")
    {
        var list = await (await client.GetAsync("/api/v1/applications" + query)).ReadAsync();
        return [.. list.EnumerateArray().Select(a => a.GetProperty("receiptNumber").GetString()!)];
    }

    private static async Task<Guid> IdOfAsync(HttpClient staff, string receipt)
    {
        var list = await (await staff.GetAsync("/api/v1/applications")).ReadAsync();
        return list.EnumerateArray().Single(a => a.GetProperty("receiptNumber").GetString() == receipt).GetProperty("id").GetGuid();
    }

    [Fact]
    [Trait("Rule", "R46")]
    public async Task TheUnitsStaff_HandleAnApplication_ThroughTheApi_FromCorrectionToDecision()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var citizen = new CitizenClient(_app.NewClient());
        var (receipt, code) = await citizen.ApplyAsync(county, "QH-XK-001", leaveOut: IdentityDocument);
        var staff = await _app.SignInAsync("u1.staff1");

        // The list: the unit's staff see the applicant; the filters keep what they say.
        var id = await IdOfAsync(staff, receipt);
        var one = await (await staff.GetAsync($"/api/v1/applications/{id}")).ReadAsync();
        Assert.Equal("王小明", one.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(CitizenClient.ResidentId, one.GetProperty("applicant").GetProperty("identityNumber").GetString());
        Assert.Equal("Submitted", one.GetProperty("state").GetString());
        Assert.Equal("WorkingDays", one.GetProperty("clock").GetProperty("limitCounts").GetString());
        Assert.Contains(receipt, await ReceiptsAsync(staff, "?state=Submitted&item=QH-XK-001"));
        Assert.DoesNotContain(receipt, await ReceiptsAsync(staff, "?state=Accepted"));
        Assert.DoesNotContain(receipt, await ReceiptsAsync(staff, "?item=QH-XK-002"));
        Assert.DoesNotContain(receipt, await ReceiptsAsync(staff, "?overdue=true"));
        Assert.Contains(receipt, await ReceiptsAsync(staff, "?overdue=false"));

        // Another unit's staff do not find it, to read or to act on.
        var other = await _app.SignInAsync("u2.staff1");
        Assert.DoesNotContain(receipt, await ReceiptsAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/applications/{id}/accept", null)).StatusCode);

        // A principal of the unit sees it but does not handle applications (R2 through R24): 403 naming the rule.
        var principal = await _app.SignInAsync("u1.principal1");
        Assert.False((await (await principal.GetAsync($"/api/v1/applications/{id}")).ReadAsync()).GetProperty("mayHandle").GetBoolean());
        Assert.Equal("R24.NotHandler", await KeyOfAsync(await principal.PostAsync($"/api/v1/applications/{id}/accept", null), HttpStatusCode.Forbidden));

        // 一次性告知补正: the request names the documents.
        Assert.Equal("R24.CorrectionNamesDocuments", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/correction", new { missing = Array.Empty<string>() }), HttpStatusCode.Conflict));
        var asked = await staff.PostAsJsonAsync($"/api/v1/applications/{id}/correction", new { missing = new[] { IdentityDocument } });
        Assert.Equal("AwaitingCorrection", (await asked.ReadAsync()).GetProperty("state").GetString());

        // The applicant reads it without an account, and hands the document in.
        var anonymous = _app.NewClient();
        var followed = await (await anonymous.PostAsJsonAsync("/api/v1/public/follow-up", new { receipt, code })).ReadAsync();
        Assert.Equal("AwaitingCorrection", followed.GetProperty("state").GetString());
        Assert.Equal(IdentityDocument, followed.GetProperty("missingDocuments")[0].GetString());
        Assert.DoesNotContain("王小明", followed.GetRawText());
        Assert.DoesNotContain(CitizenClient.ResidentId, followed.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await citizen.FollowAsync(receipt, code, "Correct", new KeyValuePair<string, string>("Documents", IdentityDocument))).StatusCode);

        // Handed in, it waits for acceptance again; a second request for documents is refused.
        Assert.Equal("R24.CorrectionOnlyOnce", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/correction", new { missing = new[] { "其他" } }), HttpStatusCode.Conflict));

        // Accepted; no fee on a free item; the clock pauses only with a reason, and no step is taken while paused.
        var accepted = await (await staff.PostAsync($"/api/v1/applications/{id}/accept", null)).ReadAsync();
        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
        Assert.Equal("审查", accepted.GetProperty("clock").GetProperty("stage").GetString());
        Assert.Equal("R24.ItemIsFree", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/fee", new { amount = 10m }), HttpStatusCode.Conflict));
        Assert.Equal("R46.PauseNeedsReason", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/pause", new { reason = "ExpertReview", note = " " }), HttpStatusCode.Conflict));
        var paused = await (await staff.PostAsJsonAsync($"/api/v1/applications/{id}/pause", new { reason = "ExpertReview", note = "组织专家现场踏勘" })).ReadAsync();
        Assert.Equal("ExpertReview", paused.GetProperty("clock").GetProperty("pausedFor").GetString());
        Assert.Equal("R46.ClockPaused", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/step", new { note = "审查完毕" }), HttpStatusCode.Conflict));
        var resumed = await (await staff.PostAsync($"/api/v1/applications/{id}/resume", null)).ReadAsync();
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("clock").GetProperty("pausedFor").ValueKind);

        // Three steps; the last one decides.
        foreach (var note in new[] { "审查完毕", "审核同意", "准予宅基地使用" })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/applications/{id}/step", new { note })).StatusCode);
        }

        var decided = await (await staff.GetAsync($"/api/v1/applications/{id}")).ReadAsync();
        Assert.Equal("Completed", decided.GetProperty("state").GetString());
        Assert.Equal("准予宅基地使用", decided.GetProperty("decisionText").GetString());
        var kinds = decided.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Submitted", "CorrectionRequested", "Corrected", "Accepted", "PauseStarted", "PauseEnded", "StepCompleted", "StepCompleted", "Granted"], kinds);
        var final = await (await anonymous.PostAsJsonAsync("/api/v1/public/follow-up", new { receipt, code })).ReadAsync();
        Assert.Equal("Completed", final.GetProperty("state").GetString());
        Assert.Equal("QH-XK-001-" + receipt, final.GetProperty("decisionNumber").GetString());
    }

    [Fact]
    public async Task ARefusal_GivesItsReasons()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var (receipt, code) = await new CitizenClient(_app.NewClient()).ApplyAsync(county, "QH-XK-001");
        var staff = await _app.SignInAsync("u1.staff1");
        var id = await IdOfAsync(staff, receipt);

        Assert.Equal("R24.RefusalNeedsReasons", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reasons = "" }), HttpStatusCode.Conflict));
        var refused = await (await staff.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reasons = "占用路段为消防通道，不得占用" })).ReadAsync();
        Assert.Equal("Refused", refused.GetProperty("state").GetString());
        Assert.Equal("R24.ApplicationState", await KeyOfAsync(await staff.PostAsync($"/api/v1/applications/{id}/accept", null), HttpStatusCode.Conflict));
        Assert.Contains(receipt, await ReceiptsAsync(staff, "?state=Refused"));

        var followed = await (await _app.NewClient().PostAsJsonAsync("/api/v1/public/follow-up", new { receipt, code })).ReadAsync();
        Assert.Equal("Refused", followed.GetProperty("state").GetString());
        Assert.Equal("占用路段为消防通道，不得占用", followed.GetProperty("decisionText").GetString());
    }

    [Fact]
    public async Task TheFollowUpApi_AnswersAnUnknownReceipt_AndAWrongCode_TheSame()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var (receipt, code) = await new CitizenClient(_app.NewClient()).ApplyAsync(county, "QH-XK-003");
        var anonymous = _app.NewClient();
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var wrongCode = await anonymous.PostAsJsonAsync("/api/v1/public/follow-up", new { receipt, code = wrong });
        var unknown = await anonymous.PostAsJsonAsync("/api/v1/public/follow-up", new { receipt = "2026010199999999", code = wrong });

        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(WithoutTrace(await wrongCode.Content.ReadAsStringAsync()), WithoutTrace(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/public/follow-up", new { receipt, code })).StatusCode);
    }

    private static string WithoutTrace(string body) => TraceId().Replace(body, string.Empty);

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [Fact]
    [Trait("Rule", "R23")]
    public async Task AMajorItem_GoesToTheTeamAtItsLastStep_TheHandlerAloneNeitherGrantsNorRefusesIt()
    {
        var county = await CitizenClient.CountyAsync(_app);
        var citizen = new CitizenClient(_app.NewClient());
        var staff = await _app.SignInAsync("u1.staff1");

        // The demo register marks three items major and spreads its items over the units: u1 handles one of them.
        var receipts = new List<string>();
        foreach (var code in new[] { "QH-XK-006", "QH-XK-009", "QH-XK-010" })
        {
            receipts.Add((await citizen.ApplyAsync(county, code)).Receipt);
        }

        var mine = await ReceiptsAsync(staff);
        var id = await IdOfAsync(staff, receipts.Single(mine.Contains));
        Assert.True((await (await staff.PostAsync($"/api/v1/applications/{id}/accept", null)).ReadAsync()).GetProperty("isMajor").GetBoolean());
        Assert.Equal("R23.ReferAtLastStep", await KeyOfAsync(await staff.PostAsync($"/api/v1/applications/{id}/refer-to-team", null), HttpStatusCode.Conflict));
        foreach (var note in new[] { "审查完毕", "审核完毕" })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/applications/{id}/step", new { note })).StatusCode);
        }

        // At the last step the handler may neither grant nor refuse it alone.
        Assert.Equal("R23.TeamDecides", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/step", new { note = "准予" }), HttpStatusCode.Conflict));
        Assert.Equal("R23.TeamDecides", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reasons = "不予许可" }), HttpStatusCode.Conflict));

        // A principal does not refer it (403); the handler does, once: a matter on the route for major items.
        var principal = await _app.SignInAsync("u1.principal1");
        Assert.Equal("R24.NotHandler", await KeyOfAsync(await principal.PostAsync($"/api/v1/applications/{id}/refer-to-team", null), HttpStatusCode.Forbidden));
        var referred = await (await staff.PostAsync($"/api/v1/applications/{id}/refer-to-team", null)).ReadAsync();
        var matterId = referred.GetProperty("decisionMatterId").GetGuid();
        Assert.Contains("ReferredToTeam", referred.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("R23.AlreadyReferred", await KeyOfAsync(await staff.PostAsync($"/api/v1/applications/{id}/refer-to-team", null), HttpStatusCode.Conflict));

        var matter = await (await staff.GetAsync($"/api/v1/matters/{matterId}")).ReadAsync();
        Assert.Equal("ApprovalItem", matter.GetProperty("kind").GetString());
        Assert.Contains("MajorApprovalItem", matter.GetProperty("flags").GetString());
        Assert.Equal(["Review", "Consent", "CollectiveDecision", "Approve"], matter.GetProperty("route").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList());

        // While the team has not decided, the decision stays refused.
        Assert.Equal("R23.TeamDecides", await KeyOfAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/step", new { note = "准予" }), HttpStatusCode.Conflict));
        Assert.Equal("Accepted", (await (await staff.GetAsync($"/api/v1/applications/{id}")).ReadAsync()).GetProperty("state").GetString());
    }
}

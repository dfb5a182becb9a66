using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fenquan.Testing.Ocds;
using Fenquan.Web.Tests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Procurement;

/// <summary>
/// A catalogue purchase over the JSON API (R16–R18): the section proposes, the procurement deputy
/// reviews, the team decides in a recorded meeting, the office hands it off, the deputy records the
/// centre's result (never above the decision), the office (not the proposer) records the receipt,
/// and finance staff pay the result's supplier; refusals name their rule, another unit finds nothing.
/// </summary>
public sealed class PurchaseApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The section's 40,000 computers (catalogue A02010104), decided at 38,000 by the team of 城关镇 and handed off by the office.</summary>
    internal static async Task<(Guid Matter, Dictionary<string, HttpClient> Clients)> HandedOffAsync(WebApp app, decimal decided = 38_000m)
    {
        var clients = new Dictionary<string, HttpClient>();
        var people = new Dictionary<string, Guid>();
        foreach (var user in MeetingSetup.Team.Concat(["u1.office", "u1.section1", "u1.staff1", "u1.financestaff"]))
        {
            clients[user] = await app.SignInAsync(user);
            people[user] = (await (await clients[user].GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        }

        var submitted = await clients["u1.section1"].PostAsJsonAsync("/api/v1/matters", new { kind = "PurchasePlan", title = "采购台式计算机20台", amount = 40_000m, itemCode = "A02010104" });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        var reviewed = await clients["u1.procurement"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review", comment = "同意提交班子会议" });
        Assert.True(reviewed.StatusCode == HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());

        var office = clients["u1.office"];
        var scheduled = await office.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第13次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = people["u1.principal1"] });
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = id, documents = new[] { "采购需求书" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        var item = (await (await office.GetAsync($"/api/v1/meetings/{meeting}")).ReadAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var user in MeetingSetup.Team)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = people[user], present = true })).StatusCode);
        }

        foreach (var user in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.construction", "u1.principal2", "u1.principal1" })
        {
            var said = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/opinions", new { itemId = item, personId = people[user], kind = "Agree" });
            Assert.True(said.StatusCode == HttpStatusCode.OK, await said.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve", decidedAmount = decided })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);
        foreach (var user in MeetingSetup.Team)
        {
            Assert.Equal(HttpStatusCode.OK, (await clients[user].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);
        }

        var handedOff = await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "HandOff", comment = "移交区公共资源交易中心", reference = "QH-2026-0107" });
        Assert.True(handedOff.StatusCode == HttpStatusCode.OK, await handedOff.Content.ReadAsStringAsync());
        return (id, clients);
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    public async Task ACataloguePurchase_ResultWithinTheDecision_ReceiptByAnother_PaidOnlyToTheSupplier()
    {
        var (id, c) = await HandedOffAsync(_app);
        var purchase = $"/api/v1/matters/{id}/purchase";
        var result = new { reference = "QH-CG-2026-0107", method = "ProcurementCentre", supplierName = "县城电脑科技有限公司", amount = 36_800m };

        Assert.Equal("R18.ReceiptBeforeResult", (await (await c["u1.office"].PostAsJsonAsync($"{purchase}/receipt", new { note = "到货" })).ReadAsync()).GetProperty("key").GetString());
        var above = await c["u1.procurement"].PostAsJsonAsync($"{purchase}/result", result with { amount = 38_000.01m });
        Assert.Equal(HttpStatusCode.Conflict, above.StatusCode);
        Assert.Equal("R18.ResultAboveDecision", (await above.ReadAsync()).GetProperty("key").GetString());
        var byDeputy = await c["u1.finance"].PostAsJsonAsync($"{purchase}/result", result);
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
        Assert.Equal("R18.ResultRecorder", (await byDeputy.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await c["u1.staff1"].PostAsJsonAsync($"{purchase}/result", result)).StatusCode); // a clerk does not see the unit's purchases
        Assert.Equal(HttpStatusCode.BadRequest, (await c["u1.office"].PostAsJsonAsync($"{purchase}/result", new { reference = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.office")).PostAsJsonAsync($"{purchase}/result", result)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c["u1.procurement"].PostAsJsonAsync($"{purchase}/result", result)).StatusCode);

        var payments = $"/api/v1/matters/{id}/payments";
        var early = await c["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 10_000m, method = "TreasuryDirect", reference = "GK-1" });
        Assert.Equal("R16.PaymentBeforeReceipt", (await early.ReadAsync()).GetProperty("key").GetString());
        var byProposer = await c["u1.section1"].PostAsJsonAsync($"{purchase}/receipt", new { note = "到货20台" });
        Assert.Equal(HttpStatusCode.Forbidden, byProposer.StatusCode);
        Assert.Equal("R16.ReceiptByProposer", (await byProposer.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Created, (await c["u1.office"].PostAsJsonAsync($"{purchase}/receipt", new { note = "到货20台，型号数量相符" })).StatusCode);

        var other = await c["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 1_000m, method = "TreasuryDirect", reference = "GK-2", payeeName = "清河建筑工程有限公司" });
        Assert.Equal("R18.PaymentNotToSupplier", (await other.ReadAsync()).GetProperty("key").GetString());
        var over = await c["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 36_800.01m, method = "TreasuryDirect", reference = "GK-3" });
        Assert.Equal("R18.PaymentAboveResult", (await over.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Created, (await c["u1.financestaff"].PostAsJsonAsync(payments, new { amount = 36_800m, method = "TreasuryDirect", reference = "GK-4" })).StatusCode);

        var read = await (await c["u1.principal1"].GetAsync(purchase)).ReadAsync();
        Assert.True(read.GetProperty("handedOff").GetBoolean());
        Assert.Equal(("县城电脑科技有限公司", 36_800m), (read.GetProperty("result").GetProperty("supplier").GetProperty("name").GetString(), read.GetProperty("result").GetProperty("amount").GetDecimal()));
        Assert.Equal("到货20台，型号数量相符", read.GetProperty("receipt").GetProperty("note").GetString());
        var paid = await (await c["u1.principal1"].GetAsync(payments)).ReadAsync();
        Assert.Equal((36_800m, 36_800m, 0m), (paid.GetProperty("payable").GetDecimal(), paid.GetProperty("paid").GetDecimal(), paid.GetProperty("left").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).GetAsync(purchase)).StatusCode);
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R42")]
    public async Task TheResultReceiptAndPayment_AppearInTheMattersHistory_WithWhoWhenAndAmount_OnThePageAndInTheApi()
    {
        var (id, c) = await HandedOffAsync(_app);
        var purchase = $"/api/v1/matters/{id}/purchase";
        Assert.Equal(HttpStatusCode.Created, (await c["u1.procurement"].PostAsJsonAsync($"{purchase}/result", new { reference = "QH-CG-2026-0107", method = "ProcurementCentre", supplierName = "县城电脑科技有限公司", amount = 36_800m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c["u1.office"].PostAsJsonAsync($"{purchase}/receipt", new { note = "到货20台，型号数量相符" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c["u1.financestaff"].PostAsJsonAsync($"/api/v1/matters/{id}/payments", new { amount = 36_800m, method = "TreasuryDirect", reference = "GK-4" })).StatusCode);

        var history = (await (await c["u1.principal1"].GetAsync($"/api/v1/matters/{id}/history")).ReadAsync()).EnumerateArray().ToList();
        var actions = history.TakeWhile(e => e.GetProperty("kind").GetString() == "Action").Count();
        Assert.True(actions > 0);
        var after = history.Skip(actions).ToList();
        Assert.Equal(["PurchaseResult", "PurchaseReceipt", "Payment"], after.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal((36_800m, "县城电脑科技有限公司", "QH-CG-2026-0107"), (after[0].GetProperty("amount").GetDecimal(), after[0].GetProperty("partyName").GetString(), after[0].GetProperty("reference").GetString()));
        Assert.Equal(("到货20台，型号数量相符", JsonValueKind.Null), (after[1].GetProperty("text").GetString(), after[1].GetProperty("amount").ValueKind));
        Assert.Equal((36_800m, "GK-4"), (after[2].GetProperty("amount").GetDecimal(), after[2].GetProperty("reference").GetString()));
        Assert.All(after, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("byName").GetString())));
        Assert.NotEqual(after[0].GetProperty("byName").GetString(), after[1].GetProperty("byName").GetString()); // the procurement deputy, then the office
        Assert.True(history.Select(e => e.GetProperty("at").GetDateTimeOffset()).SequenceEqual(history.Select(e => e.GetProperty("at").GetDateTimeOffset()).Order()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).GetAsync($"/api/v1/matters/{id}/history")).StatusCode);

        var page = await c["u1.principal1"].GetStringAsync($"/matters/{id}");
        var table = page[page.IndexOf("data-testid=\"history\"", StringComparison.Ordinal)..];
        var (result, receipt, payment) = (table.IndexOf("history-purchase-result", StringComparison.Ordinal), table.IndexOf("history-purchase-receipt", StringComparison.Ordinal), table.IndexOf("history-payment", StringComparison.Ordinal));
        Assert.True(result > 0 && receipt > result && payment > receipt, "result, receipt and payment in order in the history");
        Assert.Contains("QH-CG-2026-0107", table[result..receipt], StringComparison.Ordinal);
        Assert.Contains("36,800.00", table[result..receipt], StringComparison.Ordinal);
        Assert.Contains("到货20台，型号数量相符", table[receipt..payment], StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R22")]
    [Trait("Rule", "R18")]
    public async Task TheResult_IsPublishedAsOcds_AtStablePublicUrls_ValidAgainst115()
    {
        var (id, c) = await HandedOffAsync(_app);
        Assert.Equal(HttpStatusCode.Created, (await c["u1.procurement"].PostAsJsonAsync($"/api/v1/matters/{id}/purchase/result",
            new { reference = "QH-CG-2026-0108", method = "OpenTender", supplierName = "县城电脑科技有限公司", amount = 37_000m })).StatusCode);
        Guid county;
        await using (var db = _app.Db())
        {
            county = (await db.Counties.Select(x => x.Id).FirstAsync(TestContext.Current.CancellationToken)).Value;
        }

        var anonymous = _app.NewClient();
        var ocid = "ocds-fq0000-" + id.ToString("D");
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var releases = await anonymous.GetAsync($"/ocds/{county:D}/releases/{month}.json");
        Assert.Equal(HttpStatusCode.OK, releases.StatusCode);
        var package = await releases.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        OcdsSchemas.AssertValidReleasePackage(package);
        Assert.Contains(ocid, package, StringComparison.Ordinal);
        var record = await anonymous.GetAsync($"/ocds/{county:D}/records/{ocid}.json");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        var recordJson = await record.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        OcdsSchemas.AssertValidRecordPackage(recordJson);
        var compiled = (await record.ReadAsync()).GetProperty("records")[0].GetProperty("compiledRelease");
        Assert.Equal((37_000m, "县城电脑科技有限公司"), (compiled.GetProperty("awards")[0].GetProperty("value").GetProperty("amount").GetDecimal(), compiled.GetProperty("awards")[0].GetProperty("suppliers")[0].GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/ocds/{county:D}/releases/1999-01.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/ocds/{county:D}/releases/2026-13.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/ocds/{Guid.NewGuid():D}/records/{ocid}.json")).StatusCode);
    }
}

using Fenquan.Web.Tests.Meetings;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R16–R18): a section's catalogue purchase decided by the team in a
/// recorded meeting (through the API) and handed off; on the matter's page the procurement deputy
/// records the centre's result (above the decision is refused naming R18), the section head who
/// proposed it may not receive it, the office records the receipt, and the finance staff pay the
/// result's supplier — a payment beyond the result is refused naming R18.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PurchaseBrowserTests
{
    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    public async Task ACataloguePurchase_DecisionResultReceiptByAnotherAndPayment()
    {
        await using var host = await BrowserHost.StartAsync("purchase");
        var pages = new Dictionary<string, IPage>();
        foreach (var user in MeetingSetup.Team.Concat(["u1.office", "u1.section1", "u1.financestaff"]))
        {
            pages[user] = await host.SignInAsync(user);
        }

        async Task<System.Text.Json.JsonElement> PostAsync(string user, string url, object? body = null)
        {
            var response = await pages[user].APIRequest.PostAsync(url, new() { DataObject = body ?? new { } });
            Assert.True(response.Ok, url + ": " + await response.TextAsync());
            return response.Status == 204 ? default : (await response.JsonAsync())!.Value;
        }

        // 1. The section proposes 20 computers (catalogue A02010104) for 40,000; the procurement
        //    deputy reviews; the team decides 38,000 in a meeting whose minutes all sign; the office hands it off.
        var id = (await PostAsync("u1.section1", "/api/v1/matters", new { kind = "PurchasePlan", title = "采购台式计算机20台", amount = 40_000m, itemCode = "A02010104" })).GetProperty("id").GetGuid();
        await PostAsync("u1.procurement", $"/api/v1/matters/{id}/actions", new { action = "Review", comment = "同意提交班子会议" });
        var meeting = (await PostAsync("u1.office", "/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第14次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = host.People["u1.principal1"] })).GetProperty("id").GetGuid();
        var item = (await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/items", new { matterId = id, documents = new[] { "采购需求书" } })).GetProperty("id").GetGuid();
        await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/open");
        foreach (var user in MeetingSetup.Team)
        {
            await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/attendance", new { personId = host.People[user], present = true });
        }

        foreach (var user in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.construction", "u1.principal2", "u1.principal1" })
        {
            await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/opinions", new { itemId = item, personId = host.People[user], kind = "Agree" });
        }

        await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve", decidedAmount = 38_000m });
        await PostAsync("u1.office", $"/api/v1/meetings/{meeting}/minutes");
        foreach (var user in MeetingSetup.Team)
        {
            await PostAsync(user, $"/api/v1/meetings/{meeting}/minutes/signatures");
        }

        await PostAsync("u1.office", $"/api/v1/matters/{id}/actions", new { action = "HandOff", comment = "移交区公共资源交易中心", reference = "QH-2026-0107" });
        var matterUrl = "/matters/" + id.ToString("D");

        // 2. The procurement deputy records the centre's result: above the decision is refused naming R18.
        var deputy = pages["u1.procurement"];
        await deputy.GotoAsync(matterUrl);
        Assert.Contains("尚未登记", await deputy.TextContentAsync("[data-testid=no-result]"));
        async Task RecordResultAsync(string amount)
        {
            await deputy.FillAsync("#ResultReference", "QH-CG-2026-0107");
            await deputy.SelectOptionAsync("#ResultMethod", "ProcurementCentre");
            await deputy.FillAsync("#ResultSupplier", "县城电脑科技有限公司");
            await deputy.FillAsync("#ResultAmount", amount);
            await deputy.ClickAsync("[data-testid=record-result]");
        }

        await RecordResultAsync("38500");
        Assert.Contains("R18", await deputy.TextContentAsync("[data-testid=error]"));
        Assert.Equal(0, await deputy.Locator("[data-testid=purchase-result]").CountAsync());
        await host.ShotAsync(deputy, "00-result-above-decision");
        await RecordResultAsync("36800");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("县城电脑科技有限公司", await deputy.TextContentAsync("[data-testid=result-supplier]"));
        Assert.Contains("36,800.00", await deputy.TextContentAsync("[data-testid=result-amount]"));

        // 3. The section head who proposed it is not offered the receipt; the office records it.
        var proposer = pages["u1.section1"];
        await proposer.GotoAsync(matterUrl);
        Assert.Equal(0, await proposer.Locator("[data-testid=receipt-form]").CountAsync());
        var office = pages["u1.office"];
        await office.GotoAsync(matterUrl);
        await office.FillAsync("#ReceiptNote", "到货台式计算机20台，型号、数量与成交通知书一致");
        await office.ClickAsync("[data-testid=record-receipt]");
        await office.WaitForSelectorAsync(".notice");
        Assert.Contains("20台", await office.TextContentAsync("[data-testid=receipt-note]"));

        // 4. The finance staff pay the result's supplier: more than the result is refused naming R18.
        var finance = pages["u1.financestaff"];
        await finance.GotoAsync(matterUrl);
        Assert.Contains("36,800.00", await finance.TextContentAsync("[data-testid=left]"));
        Assert.Contains("县城电脑科技有限公司", await finance.TextContentAsync("[data-testid=pay-form]"));
        await finance.FillAsync("#PayAmount", "37000");
        await finance.SelectOptionAsync("#PayMethod", "TreasuryDirect");
        await finance.FillAsync("#PayReference", "GK-2026-0311");
        await finance.ClickAsync("[data-testid=pay]");
        Assert.Contains("R18", await finance.TextContentAsync("[data-testid=error]"));
        await finance.FillAsync("#PayAmount", "36800");
        await finance.FillAsync("#PayReference", "GK-2026-0312");
        await finance.ClickAsync("[data-testid=pay]");
        await finance.WaitForSelectorAsync(".notice");
        Assert.Contains("0.00", await finance.TextContentAsync("[data-testid=left]"));
        await host.ShotAsync(finance, "01-paid-to-supplier");
    }
}

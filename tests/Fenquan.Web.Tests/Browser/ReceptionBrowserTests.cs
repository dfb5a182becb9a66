using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R31): a section head requests an official reception with the sending
/// office's letter, the finance deputy approves it, and the section head claims it: a working meal
/// whose invoice lists baijiu is refused naming R31, the corrected claim is submitted, tied to its
/// request, and the matter's page shows the reception list (接待清单) with the claim.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReceptionBrowserTests
{
    [Fact]
    [Trait("Rule", "R31")]
    public async Task AReception_RequestApproveClaim_BaijiuIsRefused_TheCorrectedClaimIsSubmitted()
    {
        await using var host = await BrowserHost.StartAsync("reception");

        // 1. The section head requests: four guests, themself accompanying.
        var section = await host.SignInAsync("u1.section1");
        await section.GotoAsync("/finance/receptions");
        await section.FillAsync("#reception-letter", "市督函〔2026〕8号");
        await section.FillAsync("#reception-office", "市督查组");
        await section.FillAsync("#reception-guests", "来宾甲\n来宾乙\n来宾丙\n来宾丁");
        await section.CheckAsync($"input[name='Form.Staff'][value='{host.People["u1.section1"]}']");
        await section.ClickAsync("[data-testid=request-reception]");
        await section.WaitForSelectorAsync(".notice");
        Assert.Contains("待分管财务副职审批", await section.TextContentAsync("[data-testid=reception-approval]"));
        Assert.Equal(0, await section.Locator("[data-testid=reception-claim-form]").CountAsync()); // not approved yet

        // 2. The finance deputy approves it.
        var deputy = await host.SignInAsync("u1.finance");
        await deputy.GotoAsync("/finance/receptions");
        await deputy.ClickAsync("[data-testid=approve-reception]");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("审批人", await deputy.TextContentAsync("[data-testid=reception-approval]"));
        Assert.Equal(0, await deputy.Locator("[data-testid=approve-reception]").CountAsync());

        // 3. The claim: a working meal for five at 80 a person, but the invoice lists baijiu: refused naming R31.
        await section.GotoAsync("/finance/receptions");
        await section.FillAsync("[name='Claim.Title']", "市督查组座谈会");
        await section.FillAsync("[name='Claim.Lines[0].Category']", "工作餐");
        await section.FillAsync("[name='Claim.Lines[0].Persons']", "5");
        await section.FillAsync("[name='Claim.Lines[0].Amount']", "400");
        await section.FillAsync("[name='Claim.Lines[0].Goods']", "*餐饮服务*餐费\n*酒*白酒 53度 500ml");
        await section.ClickAsync("[data-testid=submit-reception-claim]");
        var error = await section.TextContentAsync("[data-testid=error]");
        Assert.Contains("R31", error);
        Assert.Contains("白酒", error);
        await host.ShotAsync(section, "00-baijiu-refused");

        // 4. Corrected (the meal alone), it is submitted and tied to the request.
        await section.FillAsync("[name='Claim.Lines[0].Goods']", "*餐饮服务*餐费");
        await section.ClickAsync("[data-testid=submit-reception-claim]");
        await section.WaitForURLAsync("**/matters/*");
        Assert.Contains("400.00", await section.TextContentAsync("[data-testid=claim-lines]"));
        var list = await section.TextContentAsync("[data-testid=claim-reception]");
        Assert.Contains("接待清单", list);
        Assert.Contains("来宾丁", list);
        Assert.Contains("市督查组", list);
        await host.ShotAsync(section, "01-claim-with-reception-list");

        // 5. The request now links to its claim and offers no second one.
        var matterUrl = new Uri(section.Url).AbsolutePath;
        await section.GotoAsync("/finance/receptions");
        Assert.Equal(matterUrl, await section.GetAttributeAsync("[data-testid=reception-claim]", "href"));
        Assert.Equal(0, await section.Locator("[data-testid=reception-claim-form]").CountAsync());
    }
}

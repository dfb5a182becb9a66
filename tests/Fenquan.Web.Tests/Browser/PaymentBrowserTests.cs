using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R4, R8, R42): a clerk's expense claim with line items and an invoice (the
/// same invoice on a colleague's claim is refused) is reviewed and approved, then the unit's
/// finance staff pay it in two parts from the matter's page; a payment beyond what is left is
/// refused naming R42, and the payments appear in the matter's timeline for the claimant. A bounced
/// payment is then reversed under four eyes (R7): the finance staff request it with a reason, the
/// finance deputy confirms it, and its amount is paid again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentBrowserTests
{
    [Fact]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R8")]
    [Trait("Rule", "R42")]
    [Trait("Rule", "R7")]
    public async Task AClaim_FromSubmissionThroughPayment_AnOverPaymentIsRefused()
    {
        await using var host = await BrowserHost.StartAsync("payment");
        Task<IPage> SignInAsync(string user) => host.SignInAsync(user);

        // 1. The clerk submits a claim with two line items and a 数电票 (the amount is their sum, R4);
        //    the office reviews it and the finance deputy approves it.
        var clerk = await SignInAsync("u1.staff1");
        async Task SubmitClaimAsync(IPage page, string title)
        {
            await page.GotoAsync("/matters/new?area=Finance");
            await page.SelectOptionAsync("#Kind", "Expense");
            await page.FillAsync("#Title", title);
            await page.FillAsync("#Lines_0_Category", "住宿费");
            await page.FillAsync("#Lines_0_Quantity", "2");
            await page.FillAsync("#Lines_0_UnitPrice", "1000");
            await page.FillAsync("#Lines_1_Category", "城际交通费");
            await page.FillAsync("#Lines_1_Quantity", "1");
            await page.FillAsync("#Lines_1_UnitPrice", "1000");
            await page.FillAsync("#Vouchers_0_Number", "24332000000012345678");
            await page.ClickAsync("[data-testid=submit]");
        }

        await SubmitClaimAsync(clerk, "下乡调研差旅费");
        await clerk.WaitForURLAsync("**/matters/*");
        var matterUrl = new Uri(clerk.Url).AbsolutePath;
        Assert.Contains("3,000.00", await clerk.TextContentAsync("[data-testid=claim-lines]"));
        Assert.Contains("24332000000012345678", await clerk.TextContentAsync("[data-testid=claim-vouchers]"));
        Assert.Equal(0, await clerk.Locator("[data-testid=pay-form]").CountAsync());

        // The same invoice on a colleague's claim is refused naming R8.
        var colleague = await SignInAsync("u1.staff2");
        await SubmitClaimAsync(colleague, "同一张发票再次报销");
        Assert.Contains("R8", await colleague.TextContentAsync("[data-testid=error]"));
        await host.ShotAsync(colleague, "00-invoice-used");

        foreach (var (user, action) in new[] { ("u1.office", "Review"), ("u1.finance", "Approve") })
        {
            var page = await SignInAsync(user);
            await page.GotoAsync(matterUrl);
            await page.ClickAsync($"[data-testid=action-{action}]");
            await page.WaitForSelectorAsync(".notice");
        }

        // 2. The finance staff find it among the approved matters to pay, and pay 2,000 by official card.
        var finance = await SignInAsync("u1.financestaff");
        async Task PayAsync(string amount, string method, string reference)
        {
            await finance.FillAsync("#PayAmount", amount);
            await finance.SelectOptionAsync("#PayMethod", method);
            await finance.FillAsync("#PayReference", reference);
            await finance.ClickAsync("[data-testid=pay]");
        }

        await finance.ClickAsync("[data-testid=nav-finance]");
        Assert.Contains("下乡调研差旅费", await finance.TextContentAsync("[data-testid=to-pay]"));
        await finance.ClickAsync("text=下乡调研差旅费");
        await finance.WaitForURLAsync("**" + matterUrl);
        Assert.Contains("3,000.00", await finance.TextContentAsync("[data-testid=left]"));
        await PayAsync("2000", "OfficialCard", "GWK-20260302-0017");
        await finance.WaitForSelectorAsync(".notice");
        Assert.Contains("1,000.00", await finance.TextContentAsync("[data-testid=left]"));

        // 3. Paying 1,500 more is refused naming R42 and nothing is paid; 1,000 by bank transfer settles it.
        await PayAsync("1500", "OfficialCard", "YH-0002");
        var error = await finance.TextContentAsync("[data-testid=error]");
        Assert.Contains("R42", error);
        Assert.Contains("1,000.00", error);
        Assert.Contains("2,000.00", await finance.TextContentAsync("[data-testid=paid]"));
        await host.ShotAsync(finance, "01-over-payment-refused");
        await PayAsync("1000", "BankTransfer", "YH-0003");
        await finance.WaitForSelectorAsync(".notice");
        Assert.Contains("0.00", await finance.TextContentAsync("[data-testid=left]"));

        // 4. The claimant sees both payments in the matter's timeline, and no payment form.
        await clerk.GotoAsync(matterUrl);
        var payments = clerk.Locator("[data-testid=history-payment]");
        Assert.Equal(2, await payments.CountAsync());
        Assert.Contains("GWK-20260302-0017", await payments.Nth(0).TextContentAsync());
        Assert.Contains("公务卡", await payments.Nth(0).TextContentAsync());
        Assert.Contains("银行转账", await payments.Nth(1).TextContentAsync());
        Assert.Equal(0, await clerk.Locator("[data-testid=pay-form]").CountAsync());
        await host.ShotAsync(clerk, "02-timeline");

        // 5. The bank transfer bounces: the finance staff request its reversal with a reason; they may
        //    not confirm it themselves (four eyes, R7); the finance deputy confirms, and 1,000 is paid again.
        await BrowserHost.AcceptConfirmations(finance).GotoAsync(matterUrl);
        var bounced = finance.Locator("[data-testid=payment-row]", new() { HasText = "YH-0003" });
        await bounced.Locator("input[name=ReversalReason]").FillAsync("银行退票：收款账户名称不符");
        await bounced.Locator("[data-testid=request-reversal]").ClickAsync();
        await finance.WaitForSelectorAsync(".notice");
        Assert.Contains("银行退票", await finance.TextContentAsync("[data-testid=reversal-waiting] + span"));
        Assert.Equal(0, await finance.Locator("[data-testid=confirm-reversal]").CountAsync());
        Assert.Contains("0.00", await finance.TextContentAsync("[data-testid=left]"));
        var deputy = BrowserHost.AcceptConfirmations(await SignInAsync("u1.finance"));
        await deputy.GotoAsync(matterUrl);
        await deputy.ClickAsync("[data-testid=confirm-reversal]");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("1,000.00", await deputy.TextContentAsync("[data-testid=left]"));
        Assert.Equal(1, await deputy.Locator("[data-testid=reversal-confirmed]").CountAsync());
        await host.ShotAsync(deputy, "03-reversed");
        await finance.GotoAsync(matterUrl);
        await PayAsync("¥1,000元", "BankTransfer", "YH-0004"); // an amount as people write it (AmountText)
        await finance.WaitForSelectorAsync(".notice");
        Assert.DoesNotContain("1,000", await finance.TextContentAsync("[data-testid=left]"));
        Assert.Contains("3,000.00", await finance.TextContentAsync("[data-testid=paid]"));
        await clerk.GotoAsync(matterUrl);
        Assert.Contains("银行退票", await clerk.TextContentAsync("[data-testid=history-reversed]"));
        Assert.Equal(1, await clerk.Locator("[data-testid=history-reversal-requested]").CountAsync());
        Assert.Equal(3, await clerk.Locator("[data-testid=history-payment]").CountAsync());
    }
}

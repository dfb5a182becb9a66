using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R8): a claim paid in September 2026; in October, after the quarter's end,
/// a principal draws the unit's quarterly sample (seeded from the first witness-cosigned checkpoint
/// after the quarter), its inspector records a problem, the finance deputy gives the rectification's
/// evidence, and the inspector accepts it, closing the task.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectionBrowserTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    [Trait("Rule", "R8")]
    public async Task APrincipalsQuarterlyInspection_OneFinding_RectifiedByTheDeputy_AcceptedByThePrincipal()
    {
        var time = new ShiftableTime();
        void SetClock(DateOnly day) => time.Offset = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), China) - DateTimeOffset.UtcNow;
        SetClock(new DateOnly(2026, 9, 14));
        await using var host = await BrowserHost.StartAsync("inspection", time: time, extra: ["--Fenquan:Inspection:AlwaysAbove=1", "--Fenquan:WitnessPushSeconds=1"]);

        // 1. September: a clerk's claim is reviewed, approved and paid (through the API, as the payment browser test covers the pages).
        var clerk = await host.SignInAsync("u1.staff1");
        async Task<System.Text.Json.JsonElement> PostAsync(IPage page, string url, object body)
        {
            var response = await page.APIRequest.PostAsync(url, new() { DataObject = body });
            Assert.True(response.Ok, url + ": " + await response.TextAsync());
            return (await response.JsonAsync())!.Value;
        }

        var claim = (await PostAsync(clerk, "/api/v1/matters", new { kind = "Expense", title = "九月下乡差旅费", amount = 860m, payMe = true })).GetProperty("id").GetGuid();
        await PostAsync(await host.SignInAsync("u1.office"), $"/api/v1/matters/{claim}/actions", new { action = "Review" });
        await PostAsync(await host.SignInAsync("u1.finance"), $"/api/v1/matters/{claim}/actions", new { action = "Approve" });
        await PostAsync(await host.SignInAsync("u1.financestaff"), $"/api/v1/matters/{claim}/payments", new { amount = 860m, method = "OfficialCard", reference = "GWK-20260914-0031" });

        // 2. October, the quarter is over: a principal draws the sample. Until a witness has cosigned a
        //    checkpoint signed after the quarter's end, the draw is refused naming R8; then it is drawn.
        SetClock(new DateOnly(2026, 10, 12));
        var principal1 = await host.SignInAsync("u1.principal1");
        var principal2 = await host.SignInAsync("u1.principal2");
        var deputy = await host.SignInAsync("u1.finance"); // September's sign-ins have expired by October
        await principal1.GotoAsync("/finance/inspection");
        Assert.Equal("2026Q3", await principal1.InputValueAsync("#Period"));
        for (var attempt = 0; ; attempt++)
        {
            await principal1.ClickAsync("[data-testid=draw]");
            await principal1.WaitForLoadStateAsync();
            if (new Uri(principal1.Url).AbsolutePath != "/finance/inspection" || attempt == 60)
            {
                break;
            }

            Assert.Contains("R8", await principal1.TextContentAsync("[data-testid=error]"));
            await Task.Delay(1000);
        }

        await principal1.WaitForURLAsync("**/finance/inspection/*");
        var inspectionUrl = new Uri(principal1.Url).AbsolutePath;
        Assert.Contains("九月下乡差旅费", await principal1.TextContentAsync("[data-testid=items]"));
        Assert.Matches("^[0-9a-f]{64}$", (await principal1.TextContentAsync("[data-testid=seed-bytes]"))!.Trim());
        await host.ShotAsync(principal1, "01-drawn");

        // A second draw of the quarter is refused naming R8.
        await principal2.GotoAsync("/finance/inspection");
        await principal2.FillAsync("#Period", "2026Q3");
        await principal2.ClickAsync("[data-testid=draw]");
        Assert.Contains("R8", await principal2.TextContentAsync("[data-testid=error]"));

        // 3. The claim's inspector (the principal it was assigned to) records a problem; nobody else has the form.
        await principal2.GotoAsync(inspectionUrl);
        var inspector = await principal1.Locator("[data-testid=find-form-1]").CountAsync() == 1 ? principal1 : principal2;
        var other = inspector == principal1 ? principal2 : principal1;
        Assert.Contains("九月下乡差旅费", await other.TextContentAsync("[data-testid=items]"));
        Assert.Equal(0, await other.Locator("[data-testid=find-form-1]").CountAsync());
        await deputy.GotoAsync(inspectionUrl);
        Assert.Contains("九月下乡差旅费", await deputy.TextContentAsync("[data-testid=items]"));
        Assert.Equal(0, await deputy.Locator("[data-testid=find-form-1]").CountAsync());
        await inspector.SelectOptionAsync("#Verdict_1", "Problem");
        await inspector.FillAsync("#Note_1", "住宿发票缺少明细清单");
        await inspector.ClickAsync("[data-testid=find-1]");
        await inspector.WaitForSelectorAsync(".notice");
        Assert.Contains("住宿发票缺少明细清单", await inspector.TextContentAsync("[data-testid=finding-1]"));
        Assert.Contains("待整改", await inspector.TextContentAsync("[data-testid=task-state]"));
        Assert.Equal(0, await inspector.Locator("[data-testid=accept]").CountAsync()); // nothing to accept before evidence
        await host.ShotAsync(inspector, "02-problem-found");

        // 4. The finance deputy finds the task among theirs and gives the evidence.
        await deputy.GotoAsync("/finance/inspection");
        Assert.Contains("住宿发票缺少明细清单", await deputy.TextContentAsync("[data-testid=my-tasks]"));
        await deputy.ClickAsync("[data-testid=task-link]");
        await deputy.FillAsync("#Evidence", "已向酒店补开住宿明细清单并附于凭证后");
        await deputy.FillAsync("#Attachment", "附件 7c1e9a");
        await deputy.ClickAsync("[data-testid=give-evidence]");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("待验收", await deputy.TextContentAsync("[data-testid=task-state]"));
        Assert.Equal(0, await deputy.Locator("[data-testid=accept]").CountAsync()); // the deputy does not accept their own correction
        await host.ShotAsync(deputy, "03-evidence");

        // 5. The inspector accepts it: the task is closed.
        await inspector.GotoAsync(inspectionUrl);
        Assert.Contains("已向酒店补开住宿明细清单", await inspector.TextContentAsync("[data-testid=task-steps]"));
        await inspector.ClickAsync("[data-testid=accept]");
        await inspector.WaitForSelectorAsync(".notice");
        Assert.Contains("已验收关闭", await inspector.TextContentAsync("[data-testid=task-state]"));
        Assert.Equal(2, await inspector.Locator("[data-testid=task-steps] li").CountAsync());
        await host.ShotAsync(inspector, "04-accepted");
    }
}

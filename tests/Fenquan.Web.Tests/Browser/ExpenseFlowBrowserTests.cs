using System.Net;
using Fenquan.Testing;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Debian's Chromium against the real server on 127.0.0.1 (Kestrel on a free port):
/// a section clerk submits a 3,000-yuan expense, the office reviews it, the finance deputy approves
/// it; the principal sees no approve button and a direct POST is refused naming R4; English works.
/// Screenshots go to TestResults/screenshots beside the test assembly.
/// </summary>
[Collection(Fenquan.Web.Tests.Browser.BrowserCollection.Name)]
public sealed class ExpenseFlowBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ClerkSubmits_OfficeReviews_DeputyApproves_PrincipalCannot_EnglishSwitchWorks()
    {
        if (!File.Exists(Chromium))
        {
            Requirements.Missing("Chromium");
        }

        var data = Directory.CreateTempSubdirectory("fenquan-e2e-").FullName;
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        await using var app = FenquanWeb.Build(
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--contentRoot", BrowserHost.ProjectFolder(),
            "--Fenquan:DemoMatters=6", "--Fenquan:DemoOpenTasks=0", "--Fenquan:DemoPassword=" + WebApp.Password, "--Fenquan:SignInPermitsPerAddress=1000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout(Fenquan.Web.Tests.Browser.BrowserCollection.TimeoutMs);
            context.SetDefaultNavigationTimeout(Fenquan.Web.Tests.Browser.BrowserCollection.TimeoutMs);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/signin");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", WebApp.Password);
            await page.ClickAsync("[data-testid=signin]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/" or "/workbench");
            return page;
        }

        // 1. The section clerk submits a 3,000-yuan expense.
        var clerk = await SignInAsync("u1.staff1");
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(shots, "01-clerk-workbench.png"), FullPage = true });
        await clerk.GotoAsync("/matters/new?area=Finance");
        await clerk.SelectOptionAsync("#Kind", "Expense");
        await clerk.FillAsync("#Title", "下乡调研交通费");
        await clerk.FillAsync("#Amount", "3000");
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(shots, "02-clerk-new-expense.png"), FullPage = true });
        await clerk.ClickAsync("[data-testid=submit]");
        await clerk.WaitForURLAsync("**/matters/*");
        var matterUrl = new Uri(clerk.Url).AbsolutePath;
        Assert.Contains("审批中", await clerk.TextContentAsync("[data-testid=state]"));
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(shots, "03-clerk-submitted.png"), FullPage = true });

        // 2. The office sees it among its tasks and reviews it.
        var office = await SignInAsync("u1.office");
        Assert.Contains("下乡调研交通费", await office.TextContentAsync("[data-testid=tasks]"));
        await office.GotoAsync(matterUrl);
        Assert.Equal(0, await office.Locator("[data-testid=action-Approve]").CountAsync());
        await office.FillAsync("#Comment", "票据齐全，同意报销。");
        await office.ClickAsync("[data-testid=action-Review]");
        await office.WaitForSelectorAsync(".notice");
        await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "04-office-reviewed.png"), FullPage = true });

        // 3. The principal sees no approve button; a direct POST is refused naming the rule (R4).
        var principal = await SignInAsync("u1.principal1");
        await principal.GotoAsync(matterUrl);
        Assert.Equal(0, await principal.Locator("[data-testid=action-Approve]").CountAsync());
        Assert.Equal(0, await principal.Locator("[data-testid=act-form]").CountAsync());
        await principal.ScreenshotAsync(new() { Path = Path.Combine(shots, "05-principal-no-approve.png"), FullPage = true });
        var token = await principal.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var direct = await principal.APIRequest.PostAsync(matterUrl + "?handler=Act", new()
        {
            Form = principal.APIRequest.CreateFormData().Set("Action", "Approve").Set("Comment", "同意").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, direct.Status);
        Assert.Contains("R4", await direct.TextAsync());
        var api = await principal.APIRequest.PostAsync("/api/v1/matters/" + matterUrl.Split('/')[^1] + "/actions", new() { DataObject = new { action = "Approve", comment = "同意" } });
        Assert.Equal((int)HttpStatusCode.Forbidden, api.Status);
        Assert.Contains("\"rule\":\"R4\"", await api.TextAsync());

        // 4. The finance deputy approves.
        var deputy = await SignInAsync("u1.finance");
        await deputy.GotoAsync(matterUrl);
        await deputy.FillAsync("#Comment", "同意。");
        await deputy.ClickAsync("[data-testid=action-Approve]");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("已批准", await deputy.TextContentAsync("[data-testid=state]"));
        await deputy.ScreenshotAsync(new() { Path = Path.Combine(shots, "06-deputy-approved.png"), FullPage = true });

        // 5. The ledger page shows the entries with verified inclusion proofs.
        await deputy.ClickAsync("[data-testid=ledger-link]");
        Assert.Contains("已核验", await deputy.TextContentAsync("[data-testid=entries]"));
        await deputy.ScreenshotAsync(new() { Path = Path.Combine(shots, "07-ledger-proofs.png"), FullPage = true });

        // 6. The English switch.
        await deputy.GotoAsync(matterUrl);
        await deputy.ClickAsync("[data-testid=english]");
        await deputy.WaitForSelectorAsync("text=Approved");
        Assert.Contains("Approved", await deputy.TextContentAsync("[data-testid=state]"));
        Assert.Contains("Route", await deputy.ContentAsync());
        await deputy.ScreenshotAsync(new() { Path = Path.Combine(shots, "08-english.png"), FullPage = true });

        await app.StopAsync(TestContext.Current.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

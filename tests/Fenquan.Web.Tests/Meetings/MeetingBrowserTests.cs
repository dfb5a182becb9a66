using System.Diagnostics;
using Fenquan.Testing;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>
/// Issue 4 end to end in Debian's Chromium against Kestrel on 127.0.0.1 (R43): a 12,000-yuan
/// expense goes through a team meeting — attendance, a recusal, opinions with the principal last
/// (first is refused), approval at a decided amount, minutes signed by every attendee, the PDF read
/// back with pdftotext — and the matter shows the decided amount. Chinese and English screenshots
/// go to TestResults/screenshots beside the test assembly.
/// </summary>
[Collection(Fenquan.Web.Tests.Browser.BrowserCollection.Name)]
public sealed class MeetingBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string PdfToText = "/usr/bin/pdftotext";

    [Fact]
    public async Task TwelveThousandYuanExpense_DecidedInAMeeting_PrincipalLast_BoundOnlyByTheLastSignature_PdfAndMatterShowTheDecision()
    {
        if (!File.Exists(Chromium))
        {
            Requirements.Missing("Chromium");
        }

        if (!File.Exists(PdfToText))
        {
            Requirements.Missing("pdftotext (poppler-utils)");
        }

        var data = Directory.CreateTempSubdirectory("fenquan-e2e-meeting-").FullName;
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        await using var app = FenquanWeb.Build(
        [
            "--data", data, "--urls", "http://127.0.0.1:0", "--contentRoot", Browser.BrowserHost.ProjectFolder(),
            "--Fenquan:DemoMatters=0", "--Fenquan:DemoPassword=" + WebApp.Password, "--Fenquan:SignInPermitsPerAddress=1000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        var ct = TestContext.Current.CancellationToken;
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // A tablet-sized viewport: the page is used during the meeting.
        var pages = new Dictionary<string, IPage>();
        var people = new Dictionary<string, string>();
        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = address, Locale = "zh-CN", AcceptDownloads = true, ViewportSize = new() { Width = 1024, Height = 1366 } });
            context.SetDefaultTimeout(Fenquan.Web.Tests.Browser.BrowserCollection.TimeoutMs);
            context.SetDefaultNavigationTimeout(Fenquan.Web.Tests.Browser.BrowserCollection.TimeoutMs);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/signin");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", WebApp.Password);
            await page.ClickAsync("[data-testid=signin]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath is "/" or "/workbench"); // a principal lands on their home
            var me = await (await page.APIRequest.GetAsync("/api/v1/me")).JsonAsync();
            people[user] = me!.Value.GetProperty("personId").GetString()!;
            pages[user] = page;
            return page;
        }

        foreach (var user in MeetingSetup.Team.Concat(["u1.office", "u1.staff1"]))
        {
            await SignInAsync(user);
        }

        Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(shots, "meeting-" + name + ".png"), FullPage = true });

        // 1. The clerk submits a 12,000-yuan expense; the office and the finance deputy review it (R5: above C the team decides).
        var clerk = pages["u1.staff1"];
        await clerk.GotoAsync("/matters/new?area=Finance");
        await clerk.SelectOptionAsync("#Kind", "Expense");
        await clerk.FillAsync("#Title", "村道护栏维修费");
        await clerk.FillAsync("#Amount", "12000");
        await clerk.ClickAsync("[data-testid=submit]");
        await clerk.WaitForURLAsync("**/matters/*");
        var matterUrl = new Uri(clerk.Url).AbsolutePath;
        var matterId = matterUrl.Split('/')[^1];
        foreach (var reviewer in new[] { "u1.office", "u1.finance" })
        {
            var page = pages[reviewer];
            await page.GotoAsync(matterUrl);
            await page.ClickAsync("[data-testid=action-Review]");
            await page.WaitForSelectorAsync(".notice");
        }

        // 2. The office sees it in the agenda queue and schedules a team meeting chaired by principal1.
        var office = pages["u1.office"];
        await office.GotoAsync("/meetings");
        Assert.Contains("村道护栏维修费", await office.TextContentAsync("[data-testid=queue]"));
        await office.FillAsync("#Title", "城关镇2026年第12次班子会议");
        await office.SelectOptionAsync("#ChairId", people["u1.principal1"]);
        await Shot(office, "01-queue-and-schedule");
        await office.ClickAsync("[data-testid=schedule]");
        await office.WaitForURLAsync("**/meetings/*");
        var meetingUrl = new Uri(office.Url).AbsolutePath;
        await office.SelectOptionAsync("[data-testid=matter]", matterId);
        await office.FillAsync("#documents", "维修预算表\n现场照片");
        await office.ClickAsync("[data-testid=add-item]");
        await office.WaitForSelectorAsync("[data-testid=item-1]");
        await office.ClickAsync("[data-testid=open]");
        await office.WaitForSelectorAsync("text=会议已开始");

        // Recusal candidates are listed from the start, before any attendance is marked.
        var candidates = await office.Locator("[data-testid=recusal-candidates-1] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Contains(people["u1.procurement"].ToString(), candidates);

        // 3. Attendance: everyone present but the construction deputy, absent with a reason.
        foreach (var user in MeetingSetup.Team)
        {
            if (user == "u1.construction")
            {
                await office.FillAsync($"[data-testid=absent-reason-{people[user]}]", "外出学习");
                await office.CheckAsync($"[data-testid=absent-{people[user]}]");
            }
            else
            {
                await office.CheckAsync($"[data-testid=present-{people[user]}]");
            }
        }

        // One form for the whole team: one submission, one reload.
        await office.ClickAsync("[data-testid=attendance-submit]");
        await office.WaitForSelectorAsync(".notice");

        // 4. The procurement deputy declares a recusal.
        await office.SelectOptionAsync("[data-testid=recusal-form-1] select", people["u1.procurement"]);
        await office.FillAsync("[data-testid=recusal-form-1] input[name=reason]", "护栏供应商为本人亲属所在企业");
        await office.ClickAsync("[data-testid=recuse-1]");
        await office.WaitForSelectorAsync(".notice");
        Assert.Contains("护栏供应商为本人亲属所在企业", await office.TextContentAsync("[data-testid=recusals-1]"));

        // 5. The chair records the opinions; recording his own first is refused naming R43 (末位表态).
        var chair = pages["u1.principal1"];
        await chair.GotoAsync(meetingUrl);

        // The speaker list offers only who may speak now: the deputies, neither principal (末位表态).
        var speakers = await chair.Locator("[data-testid=speaker-1] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Equal(new[] { people["u1.finance"], people["u1.personnel"] }.Select(p => p.ToString()).Order(), speakers.Order());

        // A form altered to name the chair anyway is refused by the server, naming R43.
        await chair.EvalOnSelectorAsync("[data-testid=speaker-1] option", "(o, id) => o.value = id", people["u1.principal1"].ToString());
        await chair.ClickAsync("[data-testid=opinion-Agree-1]");
        var error = await chair.TextContentAsync("[data-testid=error]");
        Assert.Contains("R43", error);
        Assert.Contains("末位表态", error);
        await Shot(chair, "02-principal-first-refused");
        foreach (var (speaker, reason) in new[] { ("u1.finance", "护栏破损，确有必要"), ("u1.personnel", ""), ("u1.principal2", ""), ("u1.principal1", "同意，按决定金额结算") })
        {
            await chair.GotoAsync(meetingUrl);
            await chair.SelectOptionAsync("[data-testid=speaker-1]", people[speaker]);
            await chair.FillAsync("#opinion-reason-1", reason);
            await chair.ClickAsync("[data-testid=opinion-Agree-1]");
            await chair.WaitForSelectorAsync(".notice");
        }

        // The tally in plain words: the recused count in 应到 and do not vote.
        Assert.Contains("6 人应到，5 人实到，1 人回避；需 3 人同意", await chair.TextContentAsync("[data-testid=tally-1]"));
        Assert.Contains("同意 4 人", await chair.TextContentAsync("[data-testid=tally-1]"));

        // 6. Approved at a decided amount below the proposal.
        await chair.FillAsync("#amount-1", "11500");
        await chair.FillAsync("#conditions-1", "凭发票据实结算");
        await chair.ClickAsync("[data-testid=approve-1]");
        await chair.WaitForSelectorAsync("[data-testid=outcome-1]");
        Assert.Contains("¥11,500.00", await chair.TextContentAsync("[data-testid=outcome-1]"));
        await Shot(chair, "03-meeting-zh");

        // 7. Minutes drawn up from the rows; not final until every attendee has signed, each as themselves.
        await chair.ClickAsync("[data-testid=draw-up]");
        await chair.WaitForURLAsync("**/minutes");
        var minutesUrl = new Uri(chair.Url).AbsolutePath;
        var signers = new[] { "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement" };
        foreach (var signer in signers)
        {
            // R43: the decision binds the matter only with the last signature.
            await clerk.GotoAsync(matterUrl);
            Assert.DoesNotContain("已批准", await clerk.TextContentAsync("[data-testid=state]"));
            Assert.Contains("任何个人不能单独完成", await clerk.TextContentAsync("[data-testid=waits-for-team]"));
            Assert.Equal(0, await clerk.Locator("[data-testid=act-form]").CountAsync());

            var page = pages[signer];
            await page.GotoAsync(minutesUrl);
            Assert.Contains("待签名", await page.TextContentAsync("[data-testid=minutes-state]"));
            if (signer == signers[^1])
            {
                await page.FillAsync("[data-testid=objection]", "建议今后提前报送预算");
            }

            await Browser.BrowserHost.AcceptConfirmations(page).ClickAsync("[data-testid=sign]");
            await page.WaitForSelectorAsync(".notice");
        }

        Assert.Contains("建议今后提前报送预算", await pages[signers[^1]].TextContentAsync("[data-testid=signatures]"));

        await chair.GotoAsync(minutesUrl);
        Assert.Contains("已定稿", await chair.TextContentAsync("[data-testid=minutes-state]"));
        await office.GotoAsync(minutesUrl);
        Assert.Equal(0, await office.Locator("[data-testid=sign]").CountAsync());
        await Shot(chair, "04-minutes-zh");

        // 8. The PDF, downloaded through the page's link and read back with pdftotext.
        var download = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-testid=pdf-link]"));
        var pdfPath = Path.Combine(shots, "..", "meeting-minutes-zh.pdf");
        await download.SaveAsAsync(pdfPath);
        var text = await PdfTextAsync(pdfPath);
        Assert.Contains("同意", text);
        Assert.Contains("11,500", text);
        Assert.Contains("村道护栏维修费", text);

        // 9. English: the meeting page and the minutes read in English, and the PDF follows the viewer's culture.
        await chair.ClickAsync("[data-testid=english]");
        await chair.WaitForSelectorAsync("text=Final");
        Assert.Contains("Signatures", await chair.ContentAsync());
        await Shot(chair, "05-minutes-en");
        var englishPdf = await chair.RunAndWaitForDownloadAsync(() => chair.ClickAsync("[data-testid=pdf-link]"));
        var englishPath = Path.Combine(shots, "..", "meeting-minutes-en.pdf");
        await englishPdf.SaveAsAsync(englishPath);
        Assert.Contains("11,500", await PdfTextAsync(englishPath));
        await chair.GotoAsync(meetingUrl);
        Assert.Contains("Opinions", await chair.ContentAsync());
        await Shot(chair, "06-meeting-en");

        // 10. The expense is approved at the decided amount on the matter page.
        await clerk.GotoAsync(matterUrl);
        Assert.Contains("已批准", await clerk.TextContentAsync("[data-testid=state]"));
        Assert.Contains("¥11,500.00", await clerk.TextContentAsync("[data-testid=decided-terms]"));
        await Shot(clerk, "07-matter-approved");

        await app.StopAsync(ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo(PdfToText, ["-layout", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}

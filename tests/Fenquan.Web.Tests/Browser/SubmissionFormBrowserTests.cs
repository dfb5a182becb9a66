using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>One demo server and browser for the submission form's browser tests (issue 14).</summary>
public sealed class SubmissionFormHost : IAsyncLifetime
{
    private BrowserHost? _host;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The host; a missing Chromium skips (or fails, under FENQUAN_REQUIRE_ALL) each test, not the class.</summary>
    public BrowserHost Host
    {
        get
        {
            _failure?.Throw();
            return _host!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _host = await BrowserHost.StartAsync("forms");
        }
        catch (Exception failure)
        {
            _failure = ExceptionDispatchInfo.Capture(failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 14 in Chromium: a phone-sized flow (390 × 844) — a clerk's expense with its invoice and a
/// live route preview naming who acts, reviewed by the office (who sees the invoice) and approved by
/// the finance deputy; an irreversible button asks first and posts nothing when dismissed; and the
/// route preview works without JavaScript, keeping everything typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubmissionFormBrowserTests(SubmissionFormHost fixture) : IClassFixture<SubmissionFormHost>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private static readonly FilePayload Invoice = new() { Name = "出租车发票.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%出租车发票 2026\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() };

    private static async Task<string> NameOfAsync(IPage page) =>
        (await (await page.APIRequest.GetAsync("/api/v1/me")).JsonAsync())!.Value.GetProperty("name").GetString()!;

    [Fact]
    public async Task APhoneSizedFlow_ExpenseWithInvoiceAndRoutePreview_ReviewedAndApproved()
    {
        var host = fixture.Host;
        var office = await host.SignInAsync("u1.office", PhoneWidth, PhoneHeight);
        var deputy = await host.SignInAsync("u1.finance", PhoneWidth, PhoneHeight);
        var officeName = await NameOfAsync(office);
        var deputyName = await NameOfAsync(deputy);

        // The clerk types the expense on a phone; the preview names who will act before anything is submitted.
        var clerk = await host.SignInAsync("u1.staff1", PhoneWidth, PhoneHeight);
        await clerk.GotoAsync("/matters/new?area=Finance");
        await clerk.SelectOptionAsync("#Kind", "Expense");
        await clerk.FillAsync("#Title", "下乡调研出租车费");
        await clerk.FillAsync("#Amount", "1,200元");
        await clerk.SetInputFilesAsync("#Files", Invoice);
        var steps = clerk.Locator("[data-testid=preview-steps]");
        await Assertions.Expect(steps).ToContainTextAsync(deputyName);
        var preview = await steps.InnerTextAsync();
        Assert.Contains("第 1 步", preview, StringComparison.Ordinal);
        Assert.Contains(officeName, preview, StringComparison.Ordinal);
        Assert.Contains("壹仟贰佰元整", await clerk.TextContentAsync("[data-testid=route-preview]"), StringComparison.Ordinal);
        var wide = await clerk.EvaluateAsync<string>("[...document.querySelectorAll('form[data-route-preview], form[data-route-preview] *')].filter(e => !e.closest('thead') && e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 15).join(' | ')");
        // Table headers are hidden below 600 px (each cell carries its label instead): left out.
        Assert.True(wide.Length == 0, "the form fits 390 px without sideways scrolling: " + wide);
        await host.ShotAsync(clerk, "01-phone-preview");
        await clerk.ClickAsync("[data-testid=submit]");
        await clerk.WaitForURLAsync("**/matters/*");
        var matterUrl = new Uri(clerk.Url).AbsolutePath;
        Assert.Contains("出租车发票.pdf", await clerk.TextContentAsync("[data-testid=attachments]"), StringComparison.Ordinal);

        // The office sees the invoice with the matter the first time it opens it, and reviews it.
        await office.GotoAsync(matterUrl);
        Assert.Contains("出租车发票.pdf", await office.TextContentAsync("[data-testid=attachments]"), StringComparison.Ordinal);
        await host.ShotAsync(office, "02-phone-office-sees-invoice");
        await office.ClickAsync("[data-testid^=action-]:not([data-testid=action-Reject]):not([data-testid=action-Return])");
        await office.WaitForSelectorAsync(".notice");

        // The finance deputy approves: the matter is approved.
        await deputy.GotoAsync(matterUrl);
        await deputy.ClickAsync("[data-testid=action-Approve]");
        await deputy.WaitForSelectorAsync(".notice");
        Assert.Contains("已批准", await deputy.TextContentAsync("[data-testid=state]"), StringComparison.Ordinal);
        await host.ShotAsync(deputy, "03-phone-approved");
    }

    [Fact]
    public async Task Withdraw_AsksFirst_DismissingPostsNothing_AcceptingWithdraws()
    {
        var host = fixture.Host;
        var clerk = await host.SignInAsync("u1.staff1");
        var created = await clerk.APIRequest.PostAsync("/api/v1/matters", new() { DataObject = new { kind = "Expense", title = "办公用品费", amount = 300m, payMe = true } });
        Assert.Equal(201, created.Status);
        var id = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        await clerk.GotoAsync($"/matters/{id}");

        var posts = new List<string>();
        clerk.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.Url);
            }
        };
        string? asked = null;
        var accept = false;
        clerk.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        await clerk.ClickAsync("[data-testid=withdraw]");
        Assert.Equal("确定撤回此事项吗？撤回后不能恢复，须重新提交。", asked);
        Assert.Empty(posts);
        Assert.Equal("Pending", await StateAsync(clerk, id));

        accept = true;
        await clerk.ClickAsync("[data-testid=withdraw]");
        await clerk.WaitForSelectorAsync(".notice");
        Assert.Single(posts);
        Assert.Equal("Withdrawn", await StateAsync(clerk, id));
        Assert.Contains("已撤回", await clerk.TextContentAsync("[data-testid=state]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutJavaScript_ThePreviewButton_ShowsTheRoute_AndKeepsWhatWasTyped()
    {
        var host = fixture.Host;
        var clerk = await host.SignInAsync("u1.staff1", PhoneWidth, PhoneHeight, javaScript: false);
        var deputy = await NameOfAsync(await host.SignInAsync("u1.finance"));
        var before = await CountAsync(clerk);
        await clerk.GotoAsync("/matters/new?area=Finance");
        await clerk.SelectOptionAsync("#Kind", "Expense");
        await clerk.FillAsync("#Title", "村道护栏维修费");
        await clerk.FillAsync("#Amount", "1.2万");

        await clerk.ClickAsync("[data-testid=preview]");

        await clerk.WaitForSelectorAsync("[data-testid=preview-steps]");
        Assert.Contains(deputy, await clerk.TextContentAsync("[data-testid=preview-steps]"), StringComparison.Ordinal);
        Assert.Contains("壹万贰仟元整", await clerk.TextContentAsync("[data-testid=route-preview]"), StringComparison.Ordinal);
        Assert.Equal("村道护栏维修费", await clerk.InputValueAsync("#Title"));
        Assert.Equal("1.2万", await clerk.InputValueAsync("#Amount"));
        Assert.Equal("Expense", await clerk.InputValueAsync("#Kind"));
        Assert.Equal(before, await CountAsync(clerk));
        await host.ShotAsync(clerk, "04-no-script-preview");
    }

    private static async Task<string> StateAsync(IPage page, Guid id) =>
        (await (await page.APIRequest.GetAsync($"/api/v1/matters/{id}")).JsonAsync())!.Value.GetProperty("state").GetString()!;

    private static async Task<int> CountAsync(IPage page)
    {
        var mine = (await (await page.APIRequest.GetAsync("/api/v1/matters?scope=mine&limit=100")).JsonAsync())!.Value;
        return mine.GetProperty("items").GetArrayLength();
    }
}

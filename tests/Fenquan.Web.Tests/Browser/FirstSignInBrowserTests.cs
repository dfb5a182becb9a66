using MiniExcelLibs;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// Accounts for people without one (R1) in Chromium: the county administrator adds a person, issues
/// their first-sign-in code on /admin/accounts and downloads the .xlsx; the person signs in for the
/// first time with the sign-in name and code on /account/first, sets their own password there and
/// lands on their workbench; the same code does not work twice.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstSignInBrowserTests
{
    [Fact]
    [Trait("Rule", "R1")]
    public async Task AdministratorIssuesACode_ThePersonSetsTheirOwnPasswordAtFirstSignIn()
    {
        await using var host = await BrowserHost.StartAsync("first-signin");
        var admin = await host.SignInAsync("admin");
        await admin.GotoAsync("/admin/county");
        await admin.FillAsync("#PersonName", "欧阳新同志");
        await admin.ClickAsync("form:has(#PersonName) button[type=submit]");
        await admin.WaitForSelectorAsync(".notice");

        await admin.GotoAsync("/admin/accounts");
        await admin.CheckAsync("input[aria-label='欧阳新同志']");
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("[data-testid=issue]"));
        Assert.Equal("首次登录码.xlsx", download.SuggestedFilename);
        var rows = MiniExcel.Query(await download.PathAsync(), useHeaderRow: true, sheetName: "首次登录码", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("欧阳新同志", row["姓名"]!.ToString());
        var (name, code) = (row["登录名"]!.ToString()!, row["首次登录码"]!.ToString()!);
        await host.ShotAsync(admin, "01-issued");

        async Task<Microsoft.Playwright.IPage> FirstSignInAsync(string password)
        {
            var page = await host.AnonymousAsync();
            await page.GotoAsync("/account/first");
            await page.FillAsync("#UserName", name);
            await page.FillAsync("#Code", code);
            await page.FillAsync("#Password", password);
            await page.FillAsync("#Confirm", password);
            await page.ClickAsync("[data-testid=first-signin]");
            return page;
        }

        var person = await FirstSignInAsync("Ouyang-Eigenes-2026");
        await person.WaitForURLAsync("**/workbench");
        await host.ShotAsync(person, "02-workbench");

        var again = await FirstSignInAsync("Noch-ein-Passwort-2026");
        Assert.Contains("首次登录码无效", await again.TextContentAsync("[data-testid=error]"));
    }
}

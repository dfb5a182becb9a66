using Fenquan.Testing;
using Microsoft.Playwright;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R1, R3): the county administrator opens the import page from the menu,
/// downloads the template, uploads a workbook with one bad row and is shown that row (sheet, row,
/// column, rule) with nothing changed; checks the corrected file without writing; imports it; and
/// the same file again changes nothing. A unit's staff member is refused the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportBrowserTests
{
    private static FilePayload Xlsx(byte[] bytes) => new() { Name = "清河县组织架构.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };

    private static async Task UploadAsync(IPage page, byte[] bytes, bool dryRun = false)
    {
        await page.GotoAsync("/admin/import");
        await page.SetInputFilesAsync("#file", Xlsx(bytes));
        if (dryRun)
        {
            await page.CheckAsync("[data-testid=dry-run]");
        }

        await page.ClickAsync("[data-testid=import-submit]");
        await page.WaitForSelectorAsync("[data-testid=import-refused], [data-testid=import-done], [data-testid=import-nothing], [data-testid=error]");
    }

    [Fact]
    [Trait("Rule", "R1")]
    [Trait("Rule", "R3")]
    public async Task TheCountyAdministrator_ImportsAllOrNothing_SeesTheBadRow_AndAgainNothingChanges()
    {
        await using var host = await BrowserHost.StartAsync("import");
        var admin = await host.SignInAsync("admin");
        await admin.ClickAsync("[data-testid=nav-import]");
        Assert.EndsWith("/admin/import", admin.Url, StringComparison.Ordinal);

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.ClickAsync("[data-testid=import-template]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var template = Documents.Organization.OrganizationWorkbook.Read(File.OpenRead(await download.PathAsync()), download.SuggestedFilename);
        Assert.True(template.IsOk, template.ToString());
        Assert.Equal(8, template.Value.Sheets.Count);

        // A deputy in charge of construction who is also the unit's principal: refused, nothing written.
        var sample = new OrganizationSample(6, 120);
        sample.Portfolios[3][T.DeputyKey] = sample.Memberships[0][T.PersonKey];
        await UploadAsync(admin, sample.Workbook());
        var problem = admin.Locator("[data-testid=import-problems] tbody tr");
        Assert.Equal(1, await problem.CountAsync());
        var cells = await problem.Locator("td").AllTextContentsAsync();
        Assert.Equal(["分管", "5", T.DeputyKey, "R3.PrincipalInCharge"], cells.Take(4));
        Assert.Contains("R3", cells[4], StringComparison.Ordinal);
        await host.ShotAsync(admin, "00-refused-row");

        // Corrected: checked without writing, then imported; the same file again changes nothing.
        sample = new OrganizationSample(6, 120);
        await UploadAsync(admin, sample.Workbook(), dryRun: true);
        Assert.Contains("未写入", await admin.TextContentAsync("[data-testid=import-done]"), StringComparison.Ordinal);
        await UploadAsync(admin, sample.Workbook());
        Assert.Contains("已导入", await admin.TextContentAsync("[data-testid=import-done]"), StringComparison.Ordinal);
        Assert.Equal("120", await admin.TextContentAsync("[data-testid=count-people]"));
        Assert.Equal("6", await admin.TextContentAsync("[data-testid=count-units]"));
        await host.ShotAsync(admin, "01-imported");
        await UploadAsync(admin, sample.Workbook());
        Assert.Equal(1, await admin.Locator("[data-testid=import-nothing]").CountAsync());

        // Nobody but a county administrator imports.
        var staff = await host.SignInAsync("u1.staff1");
        var response = await staff.GotoAsync("/admin/import");
        Assert.Equal(403, response!.Status);
    }
}

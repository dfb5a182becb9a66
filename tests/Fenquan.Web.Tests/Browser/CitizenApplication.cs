using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// R24 in the browser: 王小明 fills in an approval item's application form (on the page), ticks
/// every document, uploads a scan of the application form for the first, and hands it in.
/// </summary>
public static class CitizenApplication
{
    /// <summary>The scan's bytes (a PNG header and filler), to compare with what the unit downloads.</summary>
    public static byte[] Scan { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Repeat((byte)7, 2048)];

    public static async Task SubmitAsync(IPage citizen)
    {
        await citizen.FillAsync("#Name", "王小明");
        await citizen.FillAsync("#Number", "11010519491231002X");
        foreach (var box in await citizen.Locator("input[name=Documents]").AllAsync())
        {
            await box.CheckAsync();
        }

        await citizen.Locator("[data-testid=document-file]").First.SetInputFilesAsync(new FilePayload { Name = "申请书.png", MimeType = "image/png", Buffer = Scan });

        await citizen.ClickAsync("[data-testid=apply-submit]");
    }
}

using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// R47 in the browser: a section head of 城关镇 (purchase limit 2,000) submits three purchases of
/// 1,500 from one stationer, each under the limit and together over it; the third is flagged.
/// </summary>
public static class SplitPurchases
{
    /// <summary>Submits the three purchases on the section head's page; the paths of their matters, in order.</summary>
    public static async Task<List<string>> SubmitAsync(IPage section)
    {
        var urls = new List<string>();
        foreach (var title in new[] { "采购打印纸", "采购墨盒", "采购文件柜" })
        {
            await section.GotoAsync("/matters/new?area=Procurement");
            await section.SelectOptionAsync("#Kind", "PurchasePlan");
            await section.FillAsync("#Title", title);
            await section.FillAsync("#Amount", "1500");
            await section.FillAsync("#PayeeName", "清河县文具办公用品商店");
            await section.SelectOptionAsync("#CatalogueCode", "none");
            await section.ClickAsync("[data-testid=submit]");
            await section.WaitForURLAsync("**/matters/*-*");
            urls.Add(new Uri(section.Url).AbsolutePath);
        }

        return urls;
    }
}

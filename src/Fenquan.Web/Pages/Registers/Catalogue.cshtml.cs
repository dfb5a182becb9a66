using Fenquan.Core.CountyChanges;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>政府采购目录 (R18): the catalogue in force, its version, and a county administrator's proposal of a new version.</summary>
public sealed class CatalogueModel(CountyDataService data, IStringLocalizer<SharedResource> text) : CountyDataPage(data, text)
{
    [BindProperty]
    public string? Lines { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public void OnGet() => Lines = CountyDataService.CatalogueToLines(View.Catalogue);

    public Task<IActionResult> OnPostProposeAsync() =>
        ProposeAsync(CountyChangeSubject.ProcurementCatalogue, CountyDataService.CatalogueFromLines(Lines).Map(c => c.ToJson()), Summary);
}

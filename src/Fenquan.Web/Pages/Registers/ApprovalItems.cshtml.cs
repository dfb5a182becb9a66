using Fenquan.Core.CountyChanges;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>行政审批事项目录 (R23, R24): the register in force, each item published, and a county administrator's proposal of a new version.</summary>
public sealed class ApprovalItemsModel(CountyDataService data, IStringLocalizer<SharedResource> text) : CountyDataPage(data, text)
{
    [BindProperty]
    public string? Lines { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public void OnGet() => Lines = CountyDataService.RegisterToLines(View.Register);

    public Task<IActionResult> OnPostProposeAsync() =>
        ProposeAsync(CountyChangeSubject.ApprovalItemRegister, CountyDataService.RegisterFromLines(Lines).Map(r => r.ToJson()), Summary);
}

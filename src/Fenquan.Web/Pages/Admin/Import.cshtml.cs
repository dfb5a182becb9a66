using Fenquan.Core.Access;
using Fenquan.Core.Organization.Import;
using Fenquan.Data.Operations;
using Fenquan.Documents.Organization;
using Fenquan.Web.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// The county administrator's organisation import (R1–R3): the templates to download, the upload
/// (checked first, then all written or nothing) and its report — what changed, or each refused row
/// by sheet, row, column and rule.
/// </summary>
[RequestSizeLimit(ImportService.MaxFile + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportService.MaxFile + 64 * 1024)]
public sealed class ImportModel(ImportService imports, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    /// <summary>The outcome of the upload just made; null before one.</summary>
    public ImportOutcome? Outcome { get; private set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!ImportAccess.MayImport(Viewer.Asker))
            {
                context.Result = Forbid();
                return null!;
            }

            return await next();
        });

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() => File(OrganizationWorkbook.Template(), ImportService.XlsxContentType, "组织架构导入模板.xlsx");

    public IActionResult OnGetCsvTemplate(ImportKind kind) =>
        Enum.IsDefined(kind) ? File(OrganizationWorkbook.CsvTemplate(kind), "text/csv; charset=utf-8", ImportTemplate.Of(kind).CsvName + ".csv") : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length is 0 or > ImportService.MaxFile)
        {
            Show(Core.Primitives.Refusal.Invalid(Text["Import.ChooseFile"]));
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var imported = await imports.ImportAsync(Viewer, stream, file.FileName, kind: null, DryRun);
        if (!imported.IsOk)
        {
            Show(imported.Refusal!);
            return Page();
        }

        Outcome = imported.Value;
        if (!Outcome.IsOk)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}

using Fenquan.Core.Organization;
using Fenquan.Web.Accounts;
using Fenquan.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// Accounts for the county's people (R1): the county administrator chooses people without an
/// account, or a whole unit, and downloads their first-sign-in codes once as an .xlsx to hand out.
/// </summary>
public sealed class AccountsAdminModel(DbSession session, FirstSignInCodes codes, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<(Guid Person, string Name, string Unit, bool CodeOpen)> People { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!Core.Access.AccountAccess.MayIssueCodes(Viewer.Asker))
            {
                context.Result = Forbid();
                return null!;
            }

            return await next();
        });

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The workbook of codes, downloaded this once; nothing is kept that could show a code again.</summary>
    public async Task<IActionResult> OnPostAsync(List<Guid>? people, Guid? unit)
    {
        var issued = await codes.IssueAsync(Viewer, people ?? [], unit);
        if (!issued.Result.IsOk)
        {
            if (issued.Result.Refusal!.IsNotFound)
            {
                return NotFound();
            }

            Show(issued.Result.Refusal);
            await LoadAsync();
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        return File(FirstSignInCodes.Workbook(issued.Result.Value), FirstSignInCodes.XlsxType, "首次登录码.xlsx");
    }

    private async Task LoadAsync()
    {
        People = await codes.WithoutAccountAsync(Viewer);
        Units = await session.Db.Units.Where(u => u.CountyId == Viewer.County).OrderBy(u => u.Name).ToListAsync();
    }
}

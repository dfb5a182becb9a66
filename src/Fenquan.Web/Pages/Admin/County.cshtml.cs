using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>County administration: units, bounds, people (each change through the operations, ledgered; R1 checked by the core).</summary>
public sealed class CountyAdminModel(DbSession session, OrganizationOperations organization, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public CountyBounds Bounds { get; private set; } = CountyBounds.Default;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!Viewer.IsCountyAdministrator)
            {
                context.Result = Forbid();
                return null!;
            }

            return await next();
        });

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddUnitAsync(string? unitName, UnitKind kind)
    {
        var result = await organization.AddUnitAsync(Viewer.County, unitName ?? string.Empty, kind);
        return await DoneAsync(result.Refusal);
    }

    public async Task<IActionResult> OnPostAddPersonAsync(string? personName, Guid unit, Role role, DateOnly from)
    {
        if (!await session.Db.Units.AnyAsync(u => u.Id == new UnitId(unit) && u.CountyId == Viewer.County))
        {
            return await DoneAsync(Refusal.NotFound("Unit " + unit.ToString("D")));
        }

        var person = await organization.AddPersonAsync(Viewer.County, personName ?? string.Empty);
        if (!person.IsOk)
        {
            return await DoneAsync(person.Refusal);
        }

        var membership = await organization.AddMembershipAsync(Viewer.County, new UnitId(unit), person.Value.Id, role, from);
        return await DoneAsync(membership.Refusal);
    }

    private async Task<IActionResult> DoneAsync(Refusal? refusal)
    {
        if (refusal is not null)
        {
            Show(refusal);
            await LoadAsync();
            return Page();
        }

        Notice = Text["Admin.Added"];
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Units = await session.Db.Units.Where(u => u.CountyId == Viewer.County).OrderBy(u => u.Name).ToListAsync();
        Bounds = await session.Db.Counties.Where(c => c.Id == Viewer.County).Select(c => c.Bounds).SingleAsync();
    }
}

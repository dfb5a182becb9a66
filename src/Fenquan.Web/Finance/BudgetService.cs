using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Documents.Budgets;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;

namespace Fenquan.Web.Finance;

/// <summary>
/// A unit's budget by line for pages and the API (R4, R5): the core decides who sees it and who
/// imports and confirms it (<see cref="BudgetAccess"/>, <see cref="Budget"/>); the writer ledgers.
/// Another unit's budget does not exist for the viewer.
/// </summary>
public sealed class BudgetService(DbSession session, BudgetOperations operations)
{
    /// <summary>The largest approval workbook accepted.</summary>
    public const long MaxWorkbook = 1024 * 1024;

    public static bool MayImport(Viewer viewer) => BudgetAccess.MayImport(viewer.Asker);

    public static bool MayConfirm(Viewer viewer) => BudgetAccess.MayConfirm(viewer.Asker);

    /// <summary>The viewer's unit's budget for the year and each line's position, or NotFound for someone who may not see it.</summary>
    public Result<BudgetView> Of(Viewer viewer, int year)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Unit is not { } unit || !BudgetAccess.MaySee(viewer.Asker, unit))
        {
            return Refusal.NotFound("Budget");
        }

        var budget = BudgetOperations.BudgetOf(session.Db, viewer.County, unit, year);
        var positions = budget is null ? [] : BudgetOperations.Positions(session.Db, viewer.County, unit, year);
        return Result<BudgetView>.Ok(new BudgetView(year, budget, positions));
    }

    /// <summary>The lines of the viewer's unit's confirmed budget for the year, to charge a matter to (R4); empty when there is none.</summary>
    public IReadOnlyList<BudgetLine> LinesToCharge(Viewer viewer, int year)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Unit is { } unit && BudgetAccess.MayCharge(viewer.Asker, unit) && BudgetOperations.BudgetOf(session.Db, viewer.County, unit, year) is { State: BudgetState.Confirmed } budget
            ? [.. budget.Lines.OrderBy(l => l.Code, StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Imports a filled-in approval workbook as the viewer's unit's pending budget for the year (all or nothing).</summary>
    public async Task<PaymentOutcome<Budget>> ImportAsync(Viewer viewer, int year, string? document, Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var rows = BudgetWorkbook.Read(workbook);
        return rows.IsOk ? await ImportAsync(viewer, year, document, rows.Value) : new(rows.Refusal!, false);
    }

    /// <summary>Imports rows already read (the API's JSON form of the sheet).</summary>
    public async Task<PaymentOutcome<Budget>> ImportAsync(Viewer viewer, int year, string? document, IReadOnlyList<BudgetSheetRow> rows)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit || !BudgetAccess.MaySee(viewer.Asker, unit))
        {
            return new(Refusal.NotFound("Budget"), false);
        }

        var imported = await operations.ImportAsync(viewer.County, unit, year, document, rows, me);
        return new(imported, !imported.IsOk && !BudgetAccess.MayImport(viewer.Asker));
    }

    /// <summary>R5: confirms the viewer's unit's pending budget; the importer may not.</summary>
    public async Task<PaymentOutcome<Budget>> ConfirmAsync(Viewer viewer, Guid budget)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit || !BudgetAccess.MaySee(viewer.Asker, unit))
        {
            return new(Refusal.NotFound("Budget " + budget.ToString("D")), false);
        }

        var confirmed = await operations.ConfirmAsync(viewer.County, unit, budget, me);
        return new(confirmed, !confirmed.IsOk && !BudgetAccess.MayConfirm(viewer.Asker));
    }
}

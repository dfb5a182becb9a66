using Fenquan.Core.Finance;
using Fenquan.Documents.Budgets;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record BudgetLineDto(string Code, string Name, decimal Budget, decimal Commitments, decimal Paid, decimal Balance);

/// <summary>A unit's budget for a year: its state, who imported and confirmed it, and each line's position (R4, R5). <see cref="Id"/> is null when none is imported.</summary>
public sealed record BudgetDto(int Year, Guid? Id, string? Document, BudgetState? State, Guid? ImportedBy, Guid? ConfirmedBy, IReadOnlyList<BudgetLineDto> Lines)
{
    public static BudgetDto Of(BudgetView view) =>
        new(view.Year, view.Budget?.Id, view.Budget?.Document, view.Budget?.State, view.Budget?.ImportedBy.Value, view.Budget?.ConfirmedBy?.Value,
            view.Budget is null ? [] : view.Budget.State == BudgetState.Confirmed
                ? [.. view.Positions.Select(p => new BudgetLineDto(p.Line.Code, p.Line.Name, p.Budget, p.Commitments, p.Paid, p.Balance))]
                : [.. view.Budget.Lines.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => new BudgetLineDto(l.Code, l.Name, l.Amount, 0m, 0m, l.Amount))]);
}

/// <summary>A row of the approval sheet as JSON (the amount as written, checked by the core like a cell).</summary>
public sealed record BudgetRowInput(string? Code, string? Name, string? Amount);

/// <summary>An import: the year, the approval's document number, and either the sheet's rows or the .xlsx workbook in base64.</summary>
public sealed record BudgetImportInput(int Year, string? Document, IReadOnlyList<BudgetRowInput>? Rows, string? Workbook);

/// <summary>
/// JSON API v1 for budgets by line (R4, R5): the unit's team, finance staff and office see each
/// line's budget, commitments, payments and balance; finance staff import the approval, a second
/// official confirms it. Another unit's budget is not found.
/// </summary>
public static class BudgetEndpoints
{
    public static void MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/finance/budget", "Finance");

        api.MapGet("/{year:int}", (Caller caller, BudgetService budgets, int year) =>
            {
                var view = budgets.Of(caller.Viewer, year);
                return view.IsOk ? Results.Ok(BudgetDto.Of(view.Value)) : Problems.Result(view.Refusal!);
            })
            .WithSummary("The unit's budget for the year, by line: budget, commitments (approved, not yet paid), paid and balance (R4)");

        api.MapGet("/template", () => Results.File(BudgetWorkbook.Template(), BudgetWorkbookContentType, "预算批复模板.xlsx"))
            .WithSummary("The approval sheet's template (.xlsx, Chinese headers)");

        api.MapPost("/", async (Caller caller, BudgetService budgets, [FromBody] BudgetImportInput input) =>
            {
                PaymentOutcome<Budget> imported;
                if (input.Workbook is { } base64)
                {
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(base64);
                    }
                    catch (FormatException)
                    {
                        return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "BudgetWorkbookMissing", "workbook: the .xlsx file in base64."));
                    }

                    imported = await budgets.ImportAsync(caller.Viewer, input.Year, input.Document, new MemoryStream(bytes));
                }
                else
                {
                    imported = await budgets.ImportAsync(caller.Viewer, input.Year, input.Document,
                        [.. (input.Rows ?? []).Select((r, i) => new BudgetSheetRow(i + 2, r.Code, r.Name, r.Amount))]);
                }

                return imported.Result.IsOk
                    ? Results.Created($"/api/v1/finance/budget/{input.Year}", BudgetDto.Of(new BudgetView(input.Year, imported.Result.Value, [])))
                    : Problems.Result(imported.Result.Refusal!, imported.Forbidden);
            })
            .WithSummary("Finance staff import the finance bureau's approval: all or nothing, pending until a second official confirms it (R5)");

        api.MapPost("/{id:guid}/confirm", async (Caller caller, BudgetService budgets, Guid id) =>
            {
                var confirmed = await budgets.ConfirmAsync(caller.Viewer, id);
                return confirmed.Result.IsOk
                    ? Results.Ok(BudgetDto.Of(budgets.Of(caller.Viewer, confirmed.Result.Value.Year).Value))
                    : Problems.Result(confirmed.Result.Refusal!, confirmed.Forbidden);
            })
            .WithSummary("The finance deputy or a principal, never the importer, confirms the imported budget (R5, four eyes)");
    }

    public const string BudgetWorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

using Fenquan.Core.Finance;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>A statement version: its quarter, version, state, meeting, who tabled and published it, a correction's reason and changes, and its content.</summary>
public sealed record StatementDto(Guid Id, string Quarter, int Version, StatementState State, Guid MeetingId, Guid TabledBy, DateTimeOffset TabledAt, Guid? PublishedBy, DateTimeOffset? PublishedAt,
    string Reason, IReadOnlyList<string> Changes, decimal IncomeTotal, decimal ExpenditureTotal, StatementContent Content)
{
    public static StatementDto Of(Statement s) =>
        new(s.Id, s.Quarter.ToString(), s.Version, s.State, s.MeetingId.Value, s.TabledBy.Value, s.TabledAt, s.PublishedBy?.Value, s.PublishedAt, s.Reason,
            s.Changes.Length == 0 ? [] : s.Changes.Split('\n'), s.Content.IncomeTotal, s.Content.ExpenditureTotal, s.Content);
}

/// <summary>Tabling a quarter's statement on a scheduled meeting of the unit's team; a correction gives its reason.</summary>
public sealed record TableStatementInput(string? Quarter, Guid MeetingId, string? Reason);

/// <summary>
/// JSON API v1 for quarterly statements (R9): the unit's team and staff read published versions,
/// the team and finance staff also those waiting for the meeting; the finance deputy tables a
/// quarter's statement on a meeting and publishes it once that meeting is held. Exports as .xlsx
/// and PDF. Another unit's statement is not found.
/// </summary>
public static class StatementEndpoints
{
    public static void MapStatementApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/finance/statements", "Finance");

        api.MapGet("/", (Caller caller, StatementService statements) =>
            {
                var list = statements.List(caller.Viewer);
                return list.IsOk ? Results.Ok(list.Value.Select(StatementDto.Of).ToList()) : Problems.Result(list.Refusal!);
            })
            .WithSummary("The unit's statement versions the caller may see, newest first (R9)");

        api.MapGet("/preview/{quarter}", (Caller caller, StatementService statements, string quarter) =>
            {
                if (!Quarter.TryParse(quarter, out var q))
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "QuarterText", "quarter: written 2026Q1."));
                }

                var content = statements.Preview(caller.Viewer, q);
                return content.IsOk ? Results.Ok(content.Value) : Problems.Result(content.Refusal!);
            })
            .WithSummary("The quarter's figures as the recorded data stands now (team and finance staff)");

        api.MapGet("/{id:guid}", (Caller caller, StatementService statements, Guid id) =>
            {
                var statement = statements.Get(caller.Viewer, id);
                return statement.IsOk ? Results.Ok(StatementDto.Of(statement.Value)) : Problems.Result(statement.Refusal!);
            })
            .WithSummary("One statement version");

        api.MapGet("/{id:guid}.xlsx", (Caller caller, StatementService statements, Guid id) =>
            {
                var file = statements.Workbook(caller.Viewer, id);
                return file.IsOk ? Results.File(file.Value.Bytes, BudgetEndpoints.BudgetWorkbookContentType, file.Value.FileName) : Problems.Result(file.Refusal!);
            })
            .WithSummary("The version as an .xlsx workbook (one sheet per section)");

        api.MapGet("/{id:guid}.pdf", (Caller caller, StatementService statements, Guid id) =>
            {
                var file = statements.Pdf(caller.Viewer, id);
                return file.IsOk ? Results.File(file.Value.Bytes, "application/pdf", file.Value.FileName) : Problems.Result(file.Refusal!);
            })
            .WithSummary("The version as PDF, in Chinese");

        api.MapPost("/", async (Caller caller, StatementService statements, [FromBody] TableStatementInput input) =>
            {
                if (!Quarter.TryParse(input.Quarter, out var quarter))
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "QuarterText", "quarter: written 2026Q1."));
                }

                var tabled = await statements.TableAsync(caller.Viewer, quarter, input.MeetingId, input.Reason);
                return tabled.Result.IsOk
                    ? Results.Created($"/api/v1/finance/statements/{tabled.Result.Value.Id:D}", StatementDto.Of(tabled.Result.Value))
                    : Problems.Result(tabled.Result.Refusal!, tabled.Forbidden);
            })
            .WithSummary("The finance deputy tables the quarter's statement, built from the recorded data, on a scheduled meeting of the unit's team (R9)");

        api.MapPost("/{id:guid}/publish", async (Caller caller, StatementService statements, Guid id) =>
            {
                var published = await statements.PublishAsync(caller.Viewer, id);
                return published.Result.IsOk ? Results.Ok(StatementDto.Of(published.Result.Value)) : Problems.Result(published.Result.Refusal!, published.Forbidden);
            })
            .WithSummary("The finance deputy publishes a tabled version once its meeting is held: the team has seen it (R9)");
    }
}

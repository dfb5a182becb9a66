using Fenquan.Core.Finance.Inspection;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record DrawInput(string? Period);

public sealed record FindingInput(Verdict? Verdict, string? Note);

public sealed record EvidenceInput(string? Text, string? Attachment);

public sealed record DecisionInput(bool Accept, string? Reason);

public sealed record InspectionSummaryDto(Guid Id, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Deadline, int PopulationCount, decimal PopulationTotal)
{
    public static InspectionSummaryDto Of(VoucherInspection i) => new(i.Id, i.Period, i.PeriodStart, i.PeriodEnd, i.Deadline, i.PopulationCount, i.PopulationTotal);
}

/// <summary>The seed of a draw: the checkpoint (tree size, root, time, cosigning witnesses) and the seed bytes derived from it, so anyone can draw again.</summary>
public sealed record SeedDto(long TreeSize, string RootHash, DateTimeOffset SignedAt, string Witnesses, string? Seed);

public sealed record FindingDto(Verdict Verdict, string Note, Guid By, string ByName, DateTimeOffset At);

public sealed record InspectionItemDto(Guid Id, int Order, Guid MatterId, string Title, decimal Amount, SampleReason Reason, Guid? InspectorId, string? InspectorName, bool ByCounty, FindingDto? Finding);

public sealed record RectificationStepDto(int Number, RectificationStepKind Kind, string Text, string? Attachment, Guid By, DateTimeOffset At);

/// <summary>An open rectification's clock (R46): the working days from its opening to its deadline, used and left, and the colour.</summary>
public sealed record RectificationClockDto(int LimitDays, Core.Calendar.DayCount LimitCounts, int Used, int Left, Core.Calendar.LimitColour Colour);

public sealed record RectificationDto(Guid Id, Guid InspectionId, Guid MatterId, string Problem, Guid ResponsibleId, Guid InspectorId, DateOnly Deadline, RectificationState State, RectificationClockDto? Clock, IReadOnlyList<RectificationStepDto> Steps)
{
    public static RectificationDto Of(RectificationView v, RectificationClock? clock) => new(v.Task.Id, v.Task.InspectionId, v.Task.MatterId.Value, v.Task.Problem, v.Task.ResponsibleId.Value, v.Task.InspectorId.Value, v.Task.Deadline, v.State,
        clock is null ? null : new RectificationClockDto(clock.Limit.Days, clock.Limit.Count, clock.Used, clock.Left, clock.Colour),
        [.. v.Steps.Select(s => new RectificationStepDto(s.Number, s.Kind, s.Text, s.Attachment, s.By.Value, s.At))]);
}

public sealed record InspectionDto(InspectionSummaryDto Inspection, SeedDto Seed, int SampleSize, decimal AlwaysAbove, IReadOnlyList<InspectionItemDto> Items, IReadOnlyList<RectificationDto> Rectifications);

public sealed record OverdueDto(OverdueKind Kind, Guid UnitId, string UnitName, string Period, Guid? MatterId, decimal Amount, Guid? Who, DateOnly Deadline);

/// <summary>
/// JSON API v1 for the principals' voucher inspection (R8): the draw from a checkpoint nobody chose,
/// the findings, the rectification tasks and, for the county's discipline inspection, what was
/// missed. The same operations and checks as the pages under /finance/inspection.
/// </summary>
public static class InspectionEndpoints
{
    public static void MapInspectionApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Voucher inspection");

        api.MapGet("/finance/inspections", (Caller caller, InspectionService inspections) =>
                Results.Ok(inspections.List(caller.Viewer).Select(InspectionSummaryDto.Of).ToList()))
            .WithSummary("The unit's voucher inspections, newest period first (its team and discipline member)");

        api.MapGet("/finance/inspections/seed", (Caller caller, InspectionService inspections, string? period) =>
            {
                var chosen = string.IsNullOrWhiteSpace(period) ? Core.Primitives.Result<InspectionPeriod>.Ok(inspections.LastPeriod) : InspectionPeriod.Parse(period);
                if (!chosen.IsOk)
                {
                    return Problems.Result(chosen.Refusal!);
                }

                var seed = inspections.SeedPreview(caller.Viewer, chosen.Value);
                return seed is null ? Results.NoContent() : Results.Ok(new SeedDto(seed.TreeSize, seed.RootHash, seed.SignedAt, seed.Witnesses, null));
            })
            .WithSummary("The checkpoint the period's draw would be seeded from now (204 while there is none)");

        api.MapPost("/finance/inspections", async (Caller caller, InspectionService inspections, [FromBody] DrawInput input) =>
            {
                var drawn = await inspections.DrawAsync(caller.Viewer, input.Period);
                return drawn.Result.IsOk
                    ? Results.Created($"/api/v1/finance/inspections/{drawn.Result.Value.Id:D}", InspectionSummaryDto.Of(drawn.Result.Value))
                    : Problems.Result(drawn.Result.Refusal!, drawn.Forbidden);
            })
            .WithSummary("A principal draws the unit's sample for a period that is over (default: the last one); once per period (R8)");

        api.MapGet("/finance/inspections/{id:guid}", (Caller caller, InspectionService inspections, Guid id) =>
            {
                var view = inspections.View(caller.Viewer, id);
                return view.IsOk ? Results.Ok(ToDto(caller.Viewer, inspections, view.Value)) : Problems.Result(view.Refusal!);
            })
            .WithSummary("An inspection: its seed, sample, inspectors, findings and rectifications");

        api.MapPost("/finance/inspections/items/{id:guid}/finding", async (Caller caller, InspectionService inspections, Guid id, [FromBody] FindingInput input) =>
            {
                var found = await inspections.FindAsync(caller.Viewer, id, input.Verdict, input.Note);
                return found.Result.IsOk ? Results.Created($"/api/v1/finance/inspections/{found.Result.Value.InspectionId:D}", new { id = found.Result.Value.Id }) : Problems.Result(found.Result.Refusal!, found.Forbidden);
            })
            .WithSummary("The item's inspector records the finding: InOrder, or Problem with a note (which opens a rectification for the finance deputy)");

        api.MapGet("/finance/rectifications", (Caller caller, InspectionService inspections) =>
                Results.Ok(inspections.MyTasks(caller.Viewer).Select(t => RectificationDto.Of(t, inspections.ClockOf(caller.Viewer, t))).ToList()))
            .WithSummary("The rectification tasks the caller answers for, open ones first");

        api.MapPost("/finance/rectifications/{id:guid}/evidence", async (Caller caller, InspectionService inspections, Guid id, [FromBody] EvidenceInput input) =>
            {
                var given = await inspections.EvidenceAsync(caller.Viewer, id, input.Text, input.Attachment);
                return given.Result.IsOk ? Results.Ok(new { number = given.Result.Value.Number }) : Problems.Result(given.Result.Refusal!, given.Forbidden);
            })
            .WithSummary("The responsible deputy gives the rectification's evidence (text, optional attachment reference)");

        api.MapPost("/finance/rectifications/{id:guid}/decision", async (Caller caller, InspectionService inspections, Guid id, [FromBody] DecisionInput input) =>
            {
                var decided = await inspections.DecideAsync(caller.Viewer, id, input.Accept, input.Reason);
                return decided.Result.IsOk ? Results.Ok(new { number = decided.Result.Value.Number }) : Problems.Result(decided.Result.Refusal!, decided.Forbidden);
            })
            .WithSummary("The inspector who found the problem accepts the evidence (closing the task) or sends it back with a reason");

        api.MapGet("/county/inspections/missed", (Caller caller, InspectionService inspections) =>
            {
                if (!inspections.MaySeeMissed(caller.Viewer))
                {
                    return Results.Forbid();
                }

                var units = inspections.UnitNames(caller.Viewer);
                return Results.Ok(inspections.Missed(caller.Viewer).Select(o => new OverdueDto(o.Kind, o.Unit.Value, units.GetValueOrDefault(o.Unit, string.Empty), o.Period, o.Matter?.Value, o.Amount, o.Who?.Value, o.Deadline)).ToList());
            })
            .WithSummary("For the county's discipline inspection: inspections not done by their deadline, claims nobody could inspect, rectifications not closed in time");
    }

    private static InspectionDto ToDto(Viewer viewer, InspectionService inspections, InspectionView view)
    {
        var i = view.Inspection;
        return new InspectionDto(InspectionSummaryDto.Of(i), new SeedDto(i.SeedTreeSize, i.SeedRoot, i.SeedSignedAt, i.SeedWitnesses, i.Seed), i.SampleSize, i.AlwaysAbove,
            [.. view.Items.Select(x => new InspectionItemDto(x.Id, x.Order, x.MatterId.Value, view.Titles.GetValueOrDefault(x.MatterId, string.Empty), x.Amount, x.Reason, x.InspectorId?.Value,
                x.InspectorId is { } p ? MatterService.NameOf(viewer, p) : null, x.ByCounty,
                view.FindingsByItem.TryGetValue(x.Id, out var f) ? new FindingDto(f.Verdict, f.Note, f.By.Value, MatterService.NameOf(viewer, f.By), f.At) : null))],
            [.. view.Tasks.Select(t => RectificationDto.Of(t, inspections.ClockOf(viewer, t)))]);
    }
}

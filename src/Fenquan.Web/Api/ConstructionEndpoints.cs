using Fenquan.Core.Construction;
using Fenquan.Core.Primitives;
using Fenquan.Web.Construction;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>A bid as shown: the bidder (a registered counterparty), the price and the evaluation committee's rank.</summary>
public sealed record BidDto(Guid Id, Guid BidderId, string Bidder, decimal Price, int? Rank)
{
    public static BidDto Of(Bid b) => new(b.Id, b.BidderId.Value, b.BidderName, b.Price, b.Rank);
}

/// <summary>
/// A construction project as shown (R19–R22): its stage, tender (method, tender office, justification,
/// district guidance), bids, notice, contractor choice, contract, variations, acceptance and audit.
/// Shaped so that an open-contracting release can be built from it: tender method, bidders, award and
/// contract with amounts and dates.
/// </summary>
public sealed record ProjectDto(
    Guid Id, string Title, decimal Budget, ConstructionStage Stage, Guid ProposalMatterId,
    TenderMethod? Method, string? TenderOfficeReference, string? Justification, string? DistrictGuidance, DateOnly? TenderedOn,
    IReadOnlyList<BidDto> Bids, string? EvaluationReference, DateOnly? NoticeFrom, DateOnly? NoticeEndsOn, string? NoticeWhere,
    Guid? ContractorMatterId, Guid? ChosenBidId, string? ChoiceReason,
    string? ContractReference, decimal? ContractAmount, Guid? ContractorId, string? Contractor, DateOnly? SignedOn, DateOnly? WorksFrom, DateOnly? WorksUntil,
    decimal? RetentionRate, int? WarrantyMonths, IReadOnlyList<VariationDto> Variations,
    DateOnly? AcceptedOn, string? AcceptanceReference, decimal? AuditedAmount, DateOnly? AuditedOn, string? AuditReference, DateOnly? WarrantyEndsOn)
{
    public static ProjectDto Of(ConstructionProject p) => new(
        p.Id, p.Title, p.Budget, p.Stage, p.ProposalMatterId.Value,
        p.Method, p.TenderOfficeReference, p.Justification, p.DistrictGuidance, p.TenderedOn,
        [.. p.Bids.OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.RecordedAt).Select(BidDto.Of)], p.EvaluationReference, p.NoticeFrom, p.NoticeEndsOn, p.NoticeWhere,
        p.ContractorMatterId?.Value, p.ChosenBidId, p.ChoiceReason,
        p.ContractReference, p.ContractAmount, p.ContractorId?.Value, p.ContractorName, p.SignedOn, p.WorksFrom, p.WorksUntil,
        p.RetentionRate, p.WarrantyMonths, [.. p.Variations.OrderBy(v => v.RecordedAt).Select(v => new VariationDto(v.MatterId.Value, v.Amount, v.BeyondShare))],
        p.AcceptedOn, p.AcceptanceReference, p.AuditedAmount, p.AuditedOn, p.AuditReference, p.WarrantyEndsOn);
}

/// <summary>A variation order: its matter, amount, and whether it went beyond the share of the contract (to a meeting).</summary>
public sealed record VariationDto(Guid MatterId, decimal Amount, bool BeyondShare);

public sealed record ProposeInput(string? Title, decimal Budget);

public sealed record TenderInput(TenderMethod Method, string? TenderOfficeReference, string? Justification, string? DistrictGuidance);

public sealed record BidInput(Guid BidderId, decimal Price);

public sealed record RankingInput(IReadOnlyList<Guid>? Order, string? EvaluationReference);

public sealed record NoticeInput(string? Where);

public sealed record ContractorInput(Guid BidId, string? Reason);

public sealed record ContractInput(decimal Amount, DateOnly SignedOn, DateOnly WorksFrom, DateOnly WorksUntil, string? Reference, decimal RetentionRate, int WarrantyMonths);

public sealed record VariationInput(string? Title, decimal Amount);

public sealed record AcceptanceInput(DateOnly AcceptedOn, string? Reference);

public sealed record AuditInput(decimal AuditedAmount, string? Reference);

/// <summary>
/// JSON API v1 for construction projects (R19–R22): a section head or deputy proposes (a matter for
/// the team), the deputy in charge of construction or the office records the tender, bids, ranking,
/// notice, contract, acceptance and audit; the contractor choice and each variation are matters that
/// take their routes and meetings; payments go through <c>/api/v1/matters/{id}/payments</c> on the
/// contractor-choice matter, bounded by the contract (R19).
/// </summary>
public static class ConstructionEndpoints
{
    public static void MapConstructionApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/construction", "Construction");

        api.MapGet("/", (Caller caller, ConstructionService projects) => Results.Ok(projects.List(caller.Viewer).Select(ProjectDto.Of).ToList()))
            .WithSummary("The unit's construction projects, newest first (R19)");

        api.MapGet("/{id:guid}", (Caller caller, ConstructionService projects, Guid id) => Shown(projects.Of(caller.Viewer, id)))
            .WithSummary("One project: tender, bids, notice, contract, variations, acceptance, audit (R19–R22)");

        api.MapPost("/", async (Caller caller, ConstructionService projects, [FromBody] ProposeInput input) =>
            {
                var proposed = await projects.ProposeAsync(caller.Viewer, input.Title, input.Budget);
                return proposed.IsOk ? Results.Created($"/api/v1/construction/{proposed.Value.Id:D}", ProjectDto.Of(proposed.Value)) : Problems.Result(proposed.Refusal!);
            })
            .WithSummary("Proposes a project (立项): its matter goes to the deputy's review and a collective decision (R21)");

        api.MapPost("/{id:guid}/tender", async (Caller caller, ConstructionService projects, Guid id, [FromBody] TenderInput input) =>
                Shown(await projects.TenderAsync(caller.Viewer, id, input.Method, input.TenderOfficeReference, input.Justification, input.DistrictGuidance)))
            .WithSummary("Records the tender through the district tender office: a single source needs a justification and is flagged (R20, R47)");

        api.MapPost("/{id:guid}/bids", async (Caller caller, ConstructionService projects, Guid id, [FromBody] BidInput input) =>
            {
                var bid = await projects.BidAsync(caller.Viewer, id, input.BidderId, input.Price);
                return bid.IsOk ? Results.Created($"/api/v1/construction/{id:D}", BidDto.Of(bid.Value)) : Problems.Result(bid.Refusal!);
            })
            .WithSummary("Records a bid of a registered counterparty (R20)");

        api.MapPost("/{id:guid}/ranking", async (Caller caller, ConstructionService projects, Guid id, [FromBody] RankingInput input) =>
                Shown(await projects.RankAsync(caller.Viewer, id, input.Order ?? [], input.EvaluationReference)))
            .WithSummary("Records the bid evaluation committee's ranking, every bid best first (R20)");

        api.MapPost("/{id:guid}/notice", async (Caller caller, ConstructionService projects, Guid id, [FromBody] NoticeInput input) =>
                Shown(await projects.NoticeAsync(caller.Viewer, id, input.Where)))
            .WithSummary("Starts the winning candidates' public notice today (R22)");

        api.MapPost("/{id:guid}/contractor", async (Caller caller, ConstructionService projects, Guid id, [FromBody] ContractorInput input) =>
            {
                var choice = await projects.ChooseContractorAsync(caller.Viewer, id, input.BidId, input.Reason);
                return choice.IsOk ? Results.Created($"/api/v1/matters/{choice.Value.Id}", new { matterId = choice.Value.Id.Value }) : Problems.Result(choice.Refusal!);
            })
            .WithSummary("Puts a noticed candidate to the team as a contractor-choice matter, after the notice's days; another than the first-ranked with reasons (R21)");

        api.MapPost("/{id:guid}/contract", async (Caller caller, ConstructionService projects, Guid id, [FromBody] ContractInput input) =>
                Shown(await projects.ContractAsync(caller.Viewer, id, input.Amount, input.SignedOn, input.WorksFrom, input.WorksUntil, input.Reference, input.RetentionRate, input.WarrantyMonths)))
            .WithSummary("Records the contract with the contractor the team chose, at most the decided amount (R21)");

        api.MapPost("/{id:guid}/variations", async (Caller caller, ConstructionService projects, Guid id, [FromBody] VariationInput input) =>
            {
                var variation = await projects.VariationAsync(caller.Viewer, id, input.Title, input.Amount);
                return variation.IsOk ? Results.Created($"/api/v1/matters/{variation.Value.Id}", new { matterId = variation.Value.Id.Value, beyondShare = variation.Value.Flags.HasFlag(Core.Policy.MatterFlags.BeyondVariationShare) })
                    : Problems.Result(variation.Refusal!);
            })
            .WithSummary("Submits a variation order as a matter; beyond the share of the contract it goes to a meeting (R19)");

        api.MapPost("/{id:guid}/acceptance", async (Caller caller, ConstructionService projects, Guid id, [FromBody] AcceptanceInput input) =>
                Shown(await projects.AcceptanceAsync(caller.Viewer, id, input.AcceptedOn, input.Reference)))
            .WithSummary("Records the acceptance of the works (R19)");

        api.MapPost("/{id:guid}/settlement-audit", async (Caller caller, ConstructionService projects, Guid id, [FromBody] AuditInput input) =>
                Shown(await projects.AuditAsync(caller.Viewer, id, input.AuditedAmount, input.Reference)))
            .WithSummary("Records the settlement audit, required before the final payment (R19)");
    }

    private static IResult Shown(Result<ConstructionProject> result) => result.IsOk ? Results.Ok(ProjectDto.Of(result.Value)) : Problems.Result(result.Refusal!);
}

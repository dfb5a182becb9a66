using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Web.Pages.Meetings;
using Fenquan.Web.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record PolicyStepDto(int Sequence, PolicyProposalStepKind Kind, string Actor, string Reference, string Reason, Guid? VersionId, DateTimeOffset At);

public sealed record PolicyProposalDto(
    Guid Id,
    Guid UnitId,
    string Summary,
    PolicyProposalState State,
    DateOnly RequestedEffectiveFrom,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    Guid? VersionId,
    IReadOnlyList<PolicyStepDto> Steps);

/// <summary>
/// JSON API v1 for a unit's policy (R40): propose, table in a meeting, record the team's agreement
/// from the meeting's final minutes, approve at the county (two different officials). There is no
/// endpoint that publishes a version: only the county's second approval does.
/// </summary>
public static class PolicyEndpoints
{
    public static void MapPolicyApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Policy");

        api.MapGet("/policy/proposals", (Caller caller, PolicyService policies) => Results.Ok(policies.OfMyUnit(caller.Viewer).Select(ToDto).ToList()))
            .WithSummary("The viewer's unit's policy proposals, newest first (team, office, discipline member, unit administrator)");

        api.MapGet("/policy/proposals/awaiting-county", (Caller caller, PolicyService policies) => Results.Ok(policies.AwaitingCounty(caller.Viewer).Select(ToDto).ToList()))
            .WithSummary("Proposals agreed by their team and waiting for the county's approval (county administrators)");

        api.MapGet("/policy/proposals/{id:guid}", (Caller caller, PolicyService policies, Guid id) =>
            {
                var found = policies.Get(caller.Viewer, id);
                return found.IsOk ? Results.Ok(ToDto(found.Value)) : Problems.Result(found.Refusal!);
            })
            .WithSummary("A policy proposal with its steps");

        api.MapPost("/policy/proposals", async (Caller caller, PolicyService policies, [FromBody] ProposalInput input) =>
                Answer(await policies.ProposeAsync(caller.Viewer, input), p => Results.Created("/api/v1/policy/proposals/" + p.Id, ToDto(p))))
            .WithSummary("Propose a new version of the unit's policy (the unit administrator; verified first, never in force before the county approves)");

        api.MapPost("/policy/proposals/{id:guid}/withdraw", async (Caller caller, PolicyService policies, Guid id, [FromBody] WithdrawInput input) =>
                Answer(await policies.WithdrawAsync(caller.Viewer, id, input), s => Results.Ok(ToDto(s))))
            .WithSummary("Withdraw an open proposal, with a reason (the unit administrator)");

        api.MapPost("/policy/proposals/{id:guid}/agreement", async (Caller caller, PolicyService policies, Guid id, [FromBody] AgreementInput input) =>
                Answer(await policies.RecordAgreementAsync(caller.Viewer, id, input), s => Results.Ok(ToDto(s))))
            .WithSummary("Record the team's agreement from a meeting that approved the proposal's item and whose minutes are final");

        api.MapPost("/policy/proposals/{id:guid}/county-approvals", async (Caller caller, PolicyService policies, Guid id) =>
                Answer(await policies.ApproveAtCountyAsync(caller.Viewer, id), a => Results.Ok(new { step = ToDto(a.Step), versionId = a.Version?.Id.Value, effectiveFrom = a.Version?.EffectiveFrom })))
            .WithSummary("Approve at the county (county administrators; the second approval, by another official, publishes the version)");

        api.MapPost("/meetings/{id:guid}/policy-items", async (Caller caller, PolicyService policies, Guid id, [FromBody] PolicyItemInput input) =>
                Answer(await policies.TableAsync(caller.Viewer, id, input), i => Results.Created($"/api/v1/meetings/{id:D}", new { id = i.Id.Value, i.Number })))
            .WithSummary("Put a policy proposal of the unit on a scheduled meeting's agenda");

        api.MapPost("/meetings/{id:guid}/policy-items/{itemId:guid}/outcome", async (Caller caller, PolicyService policies, Guid id, Guid itemId, [FromBody] PolicyOutcomeInput input) =>
                Answer(await policies.OutcomeAsync(caller.Viewer, id, itemId, input), o => Results.Ok(new OutcomeDto(o.Kind, o.DecidedAmount, o.Conditions, o.Reason, o.At))))
            .WithSummary("Approve (quorum and majority) or reject a policy item; defer it with the meeting's own outcome endpoint");
    }

    public static PolicyProposalDto ToDto(PolicyProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id.Value, p.UnitId.Value, p.Summary, p.State, p.RequestedEffectiveFrom, p.ProposedByName, p.ProposedAt, p.VersionId?.Value, p.Steps.Select(ToDto).ToList());
    }

    private static PolicyStepDto ToDto(PolicyProposalStep s) => new(s.Sequence, s.Kind, s.ActorName, s.Reference, s.Reason, s.VersionId?.Value, s.At);

    private static IResult Answer<T>(MeetingAttempt<T> attempt, Func<T, IResult> ok) =>
        attempt.Result.IsOk ? ok(attempt.Result.Value) : Problems.Result(attempt.Result.Refusal!, attempt.Forbidden);
}

using Fenquan.Core.CountyAdministration;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record AdministratorChangeDto(
    Guid Id,
    AdministratorChangeKind Kind,
    string Account,
    Guid? PersonId,
    AdministratorGrantState State,
    bool Bootstrap,
    string ProposedBy,
    string ProposedByName,
    DateTimeOffset ProposedAt,
    string? ConfirmedBy,
    string? ConfirmedByName,
    DateTimeOffset? ConfirmedAt);

public sealed record AdministratorsDto(IReadOnlyList<string> Administrators, IReadOnlyList<AdministratorChangeDto> Changes);

/// <summary>A proposal: <c>Grant</c> or <c>Revoke</c> county administration of the account with that user name.</summary>
public sealed record AdministratorChangeInput(AdministratorChangeKind? Kind, string? Account);

/// <summary>
/// JSON API v1 for the county's administrators (R40): county administrators list them and their
/// changes, propose a grant or revocation, and a different administrator confirms it; the only
/// administrator's grant of a second takes effect at once. Same service as the page.
/// </summary>
public static class AdministratorEndpoints
{
    public static void MapAdministratorApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/county/administrators", "County administrators");

        api.MapGet("/", async (Caller caller, AdministratorService service) =>
            {
                var read = await service.ReadAsync(caller.Viewer);
                return read.Result.IsOk
                    ? Results.Ok(new AdministratorsDto(read.Result.Value.Administrators, [.. read.Result.Value.Changes.Select(ToDto)]))
                    : Problems.Result(read.Result.Refusal!, read.Forbidden);
            })
            .WithSummary("The county's administrators and the changes of them, newest first (county administrators only)");

        api.MapPost("/changes", async (Caller caller, AdministratorService service, [FromBody] AdministratorChangeInput input) =>
            {
                if (input.Kind is not { } kind || !Enum.IsDefined(kind))
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "GrantKind", "kind: Grant or Revoke."));
                }

                var proposed = await service.ProposeAsync(caller.Viewer, kind, input.Account);
                return Answer(proposed, created: true);
            })
            .WithSummary("Propose to grant or revoke county administration (county administrator): pending until a different administrator confirms, except a county's only administrator granting a second (R40)");

        api.MapPost("/changes/{id:guid}/confirm", async (Caller caller, AdministratorService service, Guid id) =>
                Answer(await service.ConfirmAsync(caller.Viewer, id)))
            .WithSummary("Confirm a pending change (a county administrator other than its proposer): it takes effect (R40)");

        api.MapPost("/changes/{id:guid}/withdraw", async (Caller caller, AdministratorService service, Guid id) =>
                Answer(await service.WithdrawAsync(caller.Viewer, id)))
            .WithSummary("Withdraw my pending proposal");
    }

    private static IResult Answer(AdministratorOutcome<AdministratorGrant> outcome, bool created = false)
    {
        if (!outcome.Result.IsOk)
        {
            return Problems.Result(outcome.Result.Refusal!, outcome.Forbidden);
        }

        var dto = ToDto(outcome.Result.Value);
        return created ? Results.Created("/api/v1/county/administrators", dto) : Results.Ok(dto);
    }

    private static AdministratorChangeDto ToDto(AdministratorGrant g) =>
        new(g.Id, g.Kind, g.Account, g.PersonId?.Value, g.State, g.Bootstrap, g.ProposedBy, g.ProposedByName, g.ProposedAt, g.ConfirmedBy, g.ConfirmedByName, g.ConfirmedAt);
}

using Fenquan.Web.Access;
using Fenquan.Web.Delegations;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>Delegation while away (代理, issue 3 item 4): my delegations given and received, create, revoke.</summary>
public static class DelegationEndpoints
{
    public static void MapDelegations(this RouteGroupBuilder api)
    {
        api.MapGet("/delegations", async (ViewerAccessor viewers, DelegationService delegations) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var (given, received) = await delegations.MineAsync(viewer);
                return Results.Ok(new { given = given.Select(d => DelegationService.ToDto(viewer, d)), received = received.Select(d => DelegationService.ToDto(viewer, d)) });
            })
            .WithSummary("Delegations in force that I gave and that I hold");

        api.MapPost("/delegations", async (ViewerAccessor viewers, DelegationService delegations, [FromBody] DelegateInput input) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var created = await delegations.CreateAsync(viewer, input);
                return created.IsOk
                    ? Results.Created($"/api/v1/delegations/{created.Value.Id}", DelegationService.ToDto(viewer, created.Value))
                    : Problems.Result(created.Refusal!);
            })
            .WithSummary("Delegate my steps of a role for a period to a colleague who could hold it (R3, R4 …: never to a principal)");

        api.MapPost("/delegations/{id:guid}/revoke", async (ViewerAccessor viewers, DelegationService delegations, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var revoked = await delegations.RevokeAsync(viewer, id);
                return revoked.IsOk ? Results.NoContent() : Problems.Result(revoked.Refusal!);
            })
            .WithSummary("End a delegation now (the delegator, or the delegate declining)");
    }
}

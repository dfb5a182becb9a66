using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Primitives;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>An official reception's request as shown: the letter, the guests and their level, the accompanying staff (the reception list, 接待清单) and the days.</summary>
public sealed record ReceptionDto(Guid Id, string Letter, string SendingOffice, GuestLevel Level, IReadOnlyList<string> Guests, IReadOnlyList<Guid> Staff, DateOnly From, DateOnly Until, Guid RequestedBy, DateTimeOffset RequestedAt)
{
    public static ReceptionDto Of(ReceptionRequest r) =>
        new(r.Id, r.Letter, r.SendingOffice, r.Level, r.Guests, [.. r.Staff.Select(p => p.Value)], r.From, r.Until, r.RequestedBy.Value, r.RequestedAt);
}

/// <summary>A request: the official letter (its attachment's hash or number), the sending office, the guests' level and names, the unit's accompanying people, and the days.</summary>
public sealed record ReceptionInput(string? Letter, string? SendingOffice, GuestLevel Level, IReadOnlyList<string>? Guests, IReadOnlyList<Guid>? Staff, DateOnly From, DateOnly Until);

/// <summary>A line of a reception claim: what it paid (meal, accommodation …), for whom and how often, and the invoice's goods lines.</summary>
public sealed record ReceptionLineInput(int Number, ReceptionCost Cost, string? Category, DateOnly Day, int Persons, int Times, decimal Amount, IReadOnlyList<string>? Goods);

/// <summary>A claim to check against its request: its lines and the unit's people who attended.</summary>
public sealed record ReceptionClaimInput(IReadOnlyList<ReceptionLineInput>? Lines, IReadOnlyList<Guid>? Attending);

/// <summary>
/// JSON API v1 for official receptions (R31): the office or a section head requests one with the
/// sending office's letter, within the county's rule on accompanying staff; the unit's finance staff
/// or office check a claim line by line against the request and the county's standards.
/// </summary>
public static class ReceptionEndpoints
{
    public static void MapReceptionApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/finance/receptions", "Finance");

        api.MapGet("/", (Caller caller, ReceptionService receptions) => Results.Ok(receptions.List(caller.Viewer).Select(ReceptionDto.Of).ToList()))
            .WithSummary("The unit's reception requests the caller may see, newest first (R31)");

        api.MapGet("/{id:guid}", (Caller caller, ReceptionService receptions, Guid id) =>
            {
                var request = receptions.Of(caller.Viewer, id);
                return request.IsOk ? Results.Ok(ReceptionDto.Of(request.Value)) : Problems.Result(request.Refusal!);
            })
            .WithSummary("One reception request and its reception list (R31)");

        api.MapPost("/", async (Caller caller, ReceptionService receptions, [FromBody] ReceptionInput input) =>
            {
                var requested = await receptions.RequestAsync(caller.Viewer, input.Letter, input.SendingOffice, input.Level, input.Guests,
                    [.. (input.Staff ?? []).Select(p => new PersonId(p))], input.From, input.Until);
                return requested.Result.IsOk
                    ? Results.Created($"/api/v1/finance/receptions/{requested.Result.Value.Id:D}", ReceptionDto.Of(requested.Result.Value))
                    : Problems.Result(requested.Result.Refusal!, requested.Forbidden);
            })
            .WithSummary("The office or a section head requests an official reception: the letter is mandatory, accompanying staff within the county's rule (R31)");

        api.MapPost("/{id:guid}/claim-check", (Caller caller, ReceptionService receptions, Guid id, [FromBody] ReceptionClaimInput input) =>
            {
                var lines = (input.Lines ?? []).Select(l => new ReceptionLine(l.Number, l.Cost, l.Category ?? string.Empty, l.Day, l.Persons, l.Times, l.Amount, l.Goods ?? [])).ToList();
                var checkedClaim = receptions.CheckClaim(caller.Viewer, id, lines, [.. (input.Attending ?? []).Select(p => new PersonId(p))]);
                return checkedClaim.Result.IsOk ? Results.Ok(new { passes = true }) : Problems.Result(checkedClaim.Result.Refusal!, checkedClaim.Forbidden);
            })
            .WithSummary("Checks a reception claim line by line against its request and the county's standards: over the standard, or alcohol, cigarettes, gifts or entertainment by the invoice's goods lines, is refused (R31)");
    }
}

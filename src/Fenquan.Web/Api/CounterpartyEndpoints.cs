using Fenquan.Core.Counterparties;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>A registration: the kind, the registered name, and the unified social credit code (company) or resident ID number (individual).</summary>
public sealed record CounterpartyInput(CounterpartyKind? Kind, string? Name, string? Identifier);

public sealed record CounterpartyRenameInput(string? Name);

public sealed record TieInput(string? Relationship);

public sealed record TieDto(Guid Id, Guid CounterpartyId, string Relationship, DateTimeOffset DeclaredAt);

/// <summary>
/// JSON API v1 for the county's register of external counterparties (R6): a matter pays a person
/// of the county or a registered counterparty (<c>payeeCounterpartyId</c>). Everyone of the county
/// reads it (individuals' ID numbers masked but for finance staff and county administrators); the
/// county administrators and each unit's office and finance staff register; everyone declares their
/// own ties, which route matters paying the counterparty around them.
/// </summary>
public static class CounterpartyEndpoints
{
    public static void MapCounterpartyApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/county/counterparties", "County data");

        api.MapGet("/", (Caller caller, CounterpartyService register, string? q) =>
            {
                var list = register.List(caller.Viewer, q);
                return list.IsOk ? Results.Ok(list.Value) : Problems.Result(list.Refusal!);
            })
            .WithSummary("The county's counterparties by name, searched by part of the name or the whole identifier (at most 200)");

        api.MapGet("/{id:guid}", (Caller caller, CounterpartyService register, Guid id) =>
            {
                var found = register.Get(caller.Viewer, id);
                return found.IsOk ? Results.Ok(found.Value) : Problems.Result(found.Refusal!);
            })
            .WithSummary("One counterparty");

        api.MapPost("/", async (Caller caller, CounterpartyService register, [FromBody] CounterpartyInput input) =>
            {
                var registered = await register.RegisterAsync(caller.Viewer, input.Kind, input.Name, input.Identifier);
                return registered.Result.IsOk
                    ? Results.Created("/api/v1/county/counterparties/" + registered.Result.Value.Id.ToString("D"), registered.Result.Value)
                    : Problems.Result(registered.Result.Refusal!, registered.Forbidden);
            })
            .WithSummary("Register a counterparty (county administrators, a unit's office and finance staff): a company by credit code, an individual by ID number (R6)");

        api.MapPost("/{id:guid}/name", async (Caller caller, CounterpartyService register, Guid id, [FromBody] CounterpartyRenameInput input) =>
            {
                var renamed = await register.RenameAsync(caller.Viewer, id, input.Name);
                return renamed.Result.IsOk ? Results.Ok(renamed.Result.Value) : Problems.Result(renamed.Result.Refusal!, renamed.Forbidden);
            })
            .WithSummary("Correct a counterparty's name; the identifier never changes");

        api.MapPost("/{id:guid}/ties", async (Caller caller, CounterpartyService register, Guid id, [FromBody] TieInput input) =>
            {
                var declared = await register.DeclareTieAsync(caller.Viewer, id, input.Relationship);
                return declared.Result.IsOk
                    ? Results.Created("/api/v1/county/counterparties/" + id.ToString("D"), ToDto(declared.Result.Value))
                    : Problems.Result(declared.Result.Refusal!, declared.Forbidden);
            })
            .WithSummary("Declare my own tie to a counterparty (a relative, or a relative's business): matters paying it are routed around me (R6)");

        api.MapGet("/ties/mine", (Caller caller, CounterpartyService register) =>
                Results.Ok(register.MyTies(caller.Viewer).Select(t => ToDto(t.Tie)).ToList()))
            .WithSummary("My declared ties to counterparties");
    }

    private static TieDto ToDto(CounterpartyTie t) => new(t.Id, t.CounterpartyId.Value, t.Relationship, t.DeclaredAt);
}

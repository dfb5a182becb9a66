using System.Text.Json;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Procurement;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>A register version in force: its number (the confirmed change's), since when, and its entries; version null before any.</summary>
public sealed record CatalogueDto(int? Version, DateTimeOffset? Since, IReadOnlyList<CatalogueEntry> Entries);

public sealed record ApprovalItemsDto(int? Version, DateTimeOffset? Since, IReadOnlyList<ApprovalItemEntry> Items);

public sealed record CountyChangeDto(
    Guid Id,
    CountyChangeSubject Subject,
    int Number,
    string Summary,
    CountyChangeState State,
    string ProposedBy,
    string ProposedByName,
    DateTimeOffset ProposedAt,
    string? ConfirmedBy,
    string? ConfirmedByName,
    DateTimeOffset? ConfirmedAt,
    Guid? SupersededBy,
    JsonElement Payload,
    IReadOnlyList<Guid> WaitingFor,
    DateTimeOffset? TookEffectAt);

/// <summary>
/// The county's settings: its name, the bounds in force, the bounds change awaiting a second
/// official with the units it would wait for, a confirmed one still waiting for units, a new
/// name awaiting a second official (R40), and the OCDS prefix registered (null while the configured
/// placeholder is used) with one awaiting a second official (R22).
/// </summary>
public sealed record CountySettingsDto(
    Guid Id,
    string Name,
    Core.Organization.CountyBounds Bounds,
    CountyChangeDto? Pending,
    IReadOnlyList<string> PendingWouldWaitFor,
    CountyChangeDto? Waiting,
    IReadOnlyList<string> WaitingFor,
    bool TwoFactorRequired,
    CountyChangeDto? PendingRename,
    string? OcdsPrefix,
    CountyChangeDto? PendingOcdsPrefix);

/// <summary>
/// A proposal: the subject, what changes in a few words, and the subject's whole new data in its
/// documented JSON (<c>{"entries":[…]}</c> for the catalogue, <c>{"items":[…]}</c> for the
/// register, the bounds object for bounds, <c>{"name":"…"}</c> for the county's name).
/// </summary>
public sealed record CountyChangeInput(CountyChangeSubject? Subject, string? Summary, JsonElement? Payload);

/// <summary>
/// JSON API v1 for the county's route-deciding data (R18, R23, R24, R40): everyone signed in to the
/// county reads the catalogue, the register and the changes; county administrators propose, and a
/// different county administrator confirms (four eyes), through the same service as the pages.
/// </summary>
public static class CountyDataEndpoints
{
    public static void MapCountyDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/county", "County data");

        api.MapGet("/", (Caller caller, CountyDataService data) =>
            {
                var view = data.Settings(caller.Viewer, caller.Viewer.Today);
                return Results.Ok(new CountySettingsDto(
                    caller.Viewer.County.Value, view.Name, view.Bounds, view.Pending is { } p ? ToDto(p) : null, view.PendingWouldWaitFor, view.Waiting is { } w ? ToDto(w) : null, view.WaitingFor, view.TwoFactorRequired,
                    view.PendingRename is { } r ? ToDto(r) : null, view.OcdsPrefix, view.PendingOcdsPrefix is { } o ? ToDto(o) : null));
            })
            .WithSummary("The county's name, bounds and switches in force (R2–R5, R16), and the changes of bounds and name under way");

        api.MapPost("/settings", async (Caller caller, CountyDataService data, [FromBody] CountySettingsInput input) =>
            {
                if (new[] { input.Name is not null, input.OcdsPrefix is not null, input.ChangesBounds }.Count(given => given) > 1)
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "ChangeOneAtATime", "Propose a new name, an OCDS prefix and new bounds separately: each is its own change."));
                }

                var proposed = input.Name is not null
                    ? await data.ProposeRenameAsync(caller.Viewer, input.Name, input.Summary)
                    : input.OcdsPrefix is not null
                        ? await data.ProposeOcdsPrefixAsync(caller.Viewer, input.OcdsPrefix, input.Summary)
                        : await data.ProposeBoundsAsync(caller.Viewer, input.Over(data.Settings(caller.Viewer, caller.Viewer.Today).Bounds), input.Summary);
                return proposed.Result.IsOk
                    ? Results.Created("/api/v1/county/changes/" + proposed.Result.Value.Id.ToString("D"), ToDto(proposed.Result.Value))
                    : Problems.Result(proposed.Result.Refusal!, proposed.Forbidden);
            })
            .WithSummary("Propose new bounds and switches (fields left out keep their value), a new name on its own, or the county's registered OCDS prefix on its own (county administrator): refused with the rule when no unit could meet the bounds, the name is empty, too long or unchanged, or the prefix is not ocds- and six lower-case letters or digits (R22), else pending until a different county administrator confirms it at /changes/{id}/confirm (R40)");

        api.MapGet("/catalogue", (Caller caller, CountyDataService data) =>
            {
                var view = data.Read(caller.Viewer);
                return Results.Ok(new CatalogueDto(view.CatalogueVersion?.Number, view.CatalogueVersion?.ConfirmedAt, view.Catalogue.Entries));
            })
            .WithSummary("The county's government procurement catalogue in force (R18)");

        api.MapGet("/approval-items", (Caller caller, CountyDataService data) =>
            {
                var view = data.Read(caller.Viewer);
                return Results.Ok(new ApprovalItemsDto(view.RegisterVersion?.Number, view.RegisterVersion?.ConfirmedAt, view.Register.Items));
            })
            .WithSummary("The county's register of administrative approval items in force (R23, R24)");

        api.MapGet("/changes", (Caller caller, CountyDataService data) =>
                Results.Ok(data.Read(caller.Viewer).Changes.Select(ToDto).ToList()))
            .WithSummary("Proposed and confirmed changes to the county's route-deciding data, newest first");

        api.MapGet("/changes/{id:guid}", (Caller caller, CountyDataService data, Guid id) =>
            {
                var change = data.Get(caller.Viewer, id);
                return change.IsOk ? Results.Ok(ToDto(change.Value)) : Problems.Result(change.Refusal!);
            })
            .WithSummary("One county change");

        api.MapPost("/changes", async (Caller caller, CountyDataService data, [FromBody] CountyChangeInput input) =>
            {
                if (input.Subject is not { } subject || !Enum.IsDefined(subject))
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "ChangeSubjectList", "subject: Bounds, ProcurementCatalogue, ApprovalItemRegister, WorkingCalendarYear, ReceptionStandards, CountyName or OcdsPrefix."));
                }

                if (input.Payload is not { ValueKind: JsonValueKind.Object } payload)
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "ChangePayload", "payload: the subject's whole new data, a JSON object."));
                }

                var proposed = await data.ProposeAsync(caller.Viewer, subject, payload.GetRawText(), input.Summary);
                return proposed.Result.IsOk
                    ? Results.Created("/api/v1/county/changes/" + proposed.Result.Value.Id.ToString("D"), ToDto(proposed.Result.Value))
                    : Problems.Result(proposed.Result.Refusal!, proposed.Forbidden);
            })
            .WithSummary("Propose a change (county administrator): pending until a different county administrator confirms it (R40)");

        api.MapPost("/changes/{id:guid}/confirm", async (Caller caller, CountyDataService data, Guid id) =>
            {
                var confirmed = await data.ConfirmAsync(caller.Viewer, id);
                return confirmed.Result.IsOk ? Results.Ok(ToDto(confirmed.Result.Value)) : Problems.Result(confirmed.Result.Refusal!, confirmed.Forbidden);
            })
            .WithSummary("Confirm a pending change (a county administrator other than its proposer): it takes effect (R40)");

        api.MapPost("/changes/{id:guid}/withdraw", async (Caller caller, CountyDataService data, Guid id) =>
            {
                var withdrawn = await data.WithdrawAsync(caller.Viewer, id);
                return withdrawn.Result.IsOk ? Results.Ok(ToDto(withdrawn.Result.Value)) : Problems.Result(withdrawn.Result.Refusal!, withdrawn.Forbidden);
            })
            .WithSummary("Withdraw my pending proposal");
    }

    private static CountyChangeDto ToDto(CountyChange c)
    {
        using var payload = JsonDocument.Parse(c.PayloadJson);
        return new(c.Id, c.Subject, c.Number, c.Summary, c.State, c.ProposedBy, c.ProposedByName, c.ProposedAt, c.ConfirmedBy, c.ConfirmedByName, c.ConfirmedAt, c.SupersededBy, payload.RootElement.Clone(), [.. c.WaitingFor.Select(u => u.Value)], c.TookEffectAt);
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;
using Fenquan.Documents.Lists;
using Fenquan.Web.Access;
using Fenquan.Web.Attachments;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Api;

/// <summary>Who is paid: a person of the county, or an entry of the county's counterparty register (R6).</summary>
public sealed record PayeeDto(Guid? PersonId, string Name, Guid? CounterpartyId = null);

public sealed record StepDto(int Index, StepKind Kind, string Actor, bool Done, bool Current);

public sealed record ActionDto(Guid Id, int Round, int StepIndex, ActionKind Kind, Guid ActorId, string ActorName, string Comment, string? Reference, DateTimeOffset At, Guid? OnBehalfOf = null, string? OnBehalfOfName = null);

/// <summary>
/// One line of a matter's history (R16, R18, R42): an action on its route (with its kind, round and
/// step), or the purchase's result, its receipt (验收) or a payment after approval — who, when, and
/// for a result or payment the amount and to whom.
/// </summary>
public sealed record HistoryEntryDto(DateTimeOffset At, TimelineEntryKind Kind, Guid ById, string ByName, ActionKind? Action, int? Round, int? StepIndex, decimal? Amount, string? PartyName, string? Reference, string? Text, DateOnly? On);

public sealed record AttachmentDto(Guid Id, Guid MatterId, string FileName, string ContentType, long Size, string ContentHash, Guid UploaderId, DateTimeOffset StoredAt, string Download);

public sealed record DelegationDto(Guid Id, Guid DelegatorId, string DelegatorName, Guid DelegateId, string DelegateName, Role Role, IReadOnlyList<Area> Areas, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset? RevokedAt);

public sealed record DelegateInput(Guid? DelegateId, Role? Role, IReadOnlyList<Area>? Areas, DateTimeOffset? From, DateTimeOffset? Until);

public sealed record MatterDto(
    Guid Id,
    Guid UnitId,
    Area Area,
    MatterKind Kind,
    string Title,
    decimal Amount,
    PayeeDto Payee,
    Guid InitiatorId,
    string InitiatorName,
    InitiatorKind InitiatorKind,
    MatterFlags Flags,
    DateOnly OccurredOn,
    DateOnly SubmittedOn,
    DateTimeOffset SubmittedAt,
    MatterState State,
    int Round,
    Guid PolicyVersionId,
    IReadOnlyList<StepDto> Route,
    IReadOnlyList<ActionDto> Actions,
    IReadOnlyList<ActionKind> AvailableActions,
    string? ItemCode = null);

/// <summary>The office's correction of a purchase plan's catalogue entry (R18).</summary>
public sealed record CorrectItemInput(string? ItemCode);

/// <summary>A page of matters: cursor paged (<see cref="NextCursor"/>), or with a search or filter counted and numbered (<see cref="Total"/>, <see cref="Page"/>, <see cref="Size"/>).</summary>
public sealed record MatterPageDto(IReadOnlyList<MatterDto> Items, string? NextCursor, int? Total = null, int? Page = null, int? Size = null);

public sealed record TaskDto(MatterDto Matter, int StepIndex, StepKind Step, DateTimeOffset Since, DateTimeOffset Due, bool Overdue, Guid? OnBehalfOf = null);

public sealed record MeDto(string UserName, Guid? PersonId, string Name, Guid? UnitId, string UnitName, DateOnly Today, IReadOnlyList<Role> Roles, IReadOnlyList<Area> Portfolio, bool IsCountyAdministrator, bool IsUnitAdministrator);

/// <summary>JSON API v1: the same operations as the pages, same rules, ProblemDetails for every error.</summary>
public static class ApiEndpoints
{
    /// <summary>
    /// A group of JSON endpoints under <paramref name="prefix"/>: signed in (cookie or API token),
    /// the token's scope checked, bodies over <see cref="MaxBody"/> refused (SiteLimits), no antiforgery (JSON
    /// only, never a form a browser posts on its own).
    /// </summary>
    public static RouteGroupBuilder JsonGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter(ApiTokenValidator.RequireScope)
            .WithTags(tag)
            .DisableAntiforgery();

    /// <summary>API request bodies are small; anything larger is refused with 413 before it is read.</summary>
    public const long MaxBody = 64 * 1024;

    public static void MapFenquanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter(ApiTokenValidator.RequireScope)
            .WithTags("Fenquan")
            .DisableAntiforgery(); // JSON, or multipart read by hand (no form binding); SameSite=Strict cookie; bearer tokens carry no ambient credential.
        api.MapAttachments();
        api.MapDelegations();

        api.MapGet("/me", async (ViewerAccessor viewers) => await viewers.GetAsync() is { } viewer
                ? Results.Ok(new MeDto(viewer.UserName, viewer.Person?.Value, viewer.Name, viewer.Unit?.Value, viewer.UnitName, viewer.Today, viewer.Roles, viewer.Portfolio, viewer.IsCountyAdministrator, viewer.IsUnitAdministrator))
                : Results.Unauthorized())
            .WithSummary("Who I am and the roles I hold today");

        api.MapGet("/tasks", async (ViewerAccessor viewers, MatterService matters) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var tasks = await matters.TasksAsync(viewer);
                return Results.Ok(tasks.Select(t => new TaskDto(ToDto(viewer, t.Matter), t.StepIndex, t.Step.Kind, t.Since, t.Due, t.Overdue, t.OnBehalfOf?.Value)).ToList());
            })
            .WithSummary("Steps waiting for me, with due dates");

        api.MapGet("/matters", async (ViewerAccessor viewers, MatterService matters, string? scope, string? cursor, int? limit, [AsParameters] MatterListInput filters) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                if (scope is not (null or "unit" or "mine"))
                {
                    return Problems.Result(Refusal.Because(Refusal.InvalidId, "ScopeParameter", "scope: 'unit' or 'mine'."));
                }

                if (filters.Any)
                {
                    // Searched or filtered: a numbered page with the total count (same scope, same access decision).
                    var request = filters.Parse();
                    if (!request.IsOk)
                    {
                        return Problems.Result(request.Refusal!);
                    }

                    var found = await matters.FindAsync(viewer, request.Value, scope == "mine");
                    return Results.Ok(new MatterPageDto(found.Items.Select(m => ToDto(viewer, m)).ToList(), null, found.Total, found.Number, found.Size));
                }

                var page = await matters.ListAsync(viewer, scope == "mine", cursor, limit ?? 50);
                return page.IsOk
                    ? Results.Ok(new MatterPageDto(page.Value.Items.Select(m => ToDto(viewer, m)).ToList(), page.Value.NextCursor))
                    : Problems.Result(page.Refusal!);
            })
            .WithSummary("Matters of my unit my role may see (scope=unit) or my submissions (scope=mine), newest first, cursor paged; with q, area, state, min, max, from, to, overdue, waiting, sort, page or size: searched and filtered, counted, numbered pages");

        api.MapGet("/matters/export", async (ViewerAccessor viewers, MatterService matters, IStringLocalizer<SharedResource> text, string? scope, string? format, [AsParameters] MatterListInput filters) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                if (scope is not (null or "unit" or "mine"))
                {
                    return Problems.Result(Refusal.Because(Refusal.InvalidId, "ScopeParameter", "scope: 'unit' or 'mine'."));
                }

                var request = filters.Parse();
                if (!request.IsOk)
                {
                    return Problems.Result(request.Refusal!);
                }

                if (MatterExport.FormatOf(format) is not { } chosen)
                {
                    return Problems.Result(Refusal.Because(Refusal.InvalidId, "ListParameter", "The list parameter {parameter} is not valid.", ("parameter", "format")));
                }

                var all = await matters.AllAsync(viewer, request.Value, scope == "mine");
                var bytes = await MatterExport.WriteAsync(chosen, text, viewer, all);
                return Results.File(bytes, ListExport.ContentType(chosen), MatterExport.FileName(chosen, viewer.Today));
            })
            .WithSummary("The same list, every row the search and filters find (not just a page), as .xlsx or .csv (format=xlsx|csv)");

        api.MapPost("/matters", async (ViewerAccessor viewers, MatterService matters, [FromBody] SubmitInput input) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var submitted = await matters.SubmitAsync(viewer, input);
                return submitted.IsOk
                    ? Results.Created($"/api/v1/matters/{submitted.Value.Id}", ToDto(viewer, submitted.Value))
                    : Problems.Result(submitted.Refusal!);
            })
            .WithSummary("Submit a matter in one of the five areas (routed by the unit's policy in force, R41)");

        api.MapPost("/matters/route-preview", async (Caller caller, MatterService matters, IStringLocalizer<SharedResource> text, [FromBody] RoutePreviewInput input) =>
            {
                var facts = input.ToSubmitInput();
                var preview = facts.IsOk ? await matters.PreviewAsync(caller.Viewer, facts.Value) : facts.Refusal!;
                return preview.IsOk
                    ? Results.Ok(RoutePreviewView.Of(preview.Value, facts.Value.Amount ?? 0m, caller.Viewer, text))
                    : Problems.Result(preview.Refusal!);
            })
            .WithSummary("The route a submission with these facts would take now, and who would act on each step (nothing is submitted; the same code routes a real submission)");

        api.MapGet("/matters/{id:guid}", async (ViewerAccessor viewers, MatterService matters, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var matter = await matters.GetAsync(viewer, id);
                return matter.IsOk ? Results.Ok(ToDto(viewer, matter.Value)) : Problems.Result(matter.Refusal!);
            })
            .WithSummary("One matter with its route and actions");

        api.MapGet("/matters/{id:guid}/history", async (Caller caller, MatterService matters, Procurement.PurchaseService purchases, Finance.PaymentService payments, Guid id) =>
            {
                var matter = await matters.GetAsync(caller.Viewer, id);
                if (!matter.IsOk)
                {
                    return Problems.Result(matter.Refusal!);
                }

                var paid = matter.Value.State == MatterState.Approved ? payments.Of(matter.Value) : null;
                var timeline = MatterTimeline.Of(matter.Value, purchases.ProgressOf(matter.Value), paid?.Payments ?? [], paid?.Reversals);
                return Results.Ok(timeline.Select(e => new HistoryEntryDto(e.At, e.Kind, e.By.Value, MatterService.NameOf(caller.Viewer, e.By), e.Action?.Kind, e.Action?.Round, e.Action?.StepIndex, e.Amount, e.Party?.Name, e.Reference, e.Text, e.On)).ToList());
            })
            .WithSummary("The matter's history in order: its actions, then the purchase's result and receipt and each payment and reversal, with who, when and the amount (R7, R16, R18, R42)");

        api.MapPost("/matters/{id:guid}/actions", async (ViewerAccessor viewers, MatterService matters, Guid id, [FromBody] ActInput input) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var outcome = await matters.ActAsync(viewer, id, input);
                if (!outcome.Result.IsOk)
                {
                    return Problems.Result(outcome.Result.Refusal!, outcome.Forbidden);
                }

                var action = outcome.Result.Value;
                return Results.Ok(new ActionDto(action.Id.Value, action.Round, action.StepIndex, action.Kind, action.ActorId.Value, viewer.Name, action.Comment, action.ExternalReference, action.At, action.OnBehalfOf?.Value, action.OnBehalfOf is { } b ? MatterService.NameOf(viewer, b) : null));
            })
            .WithSummary("Act on the matter's current step: approve, reject, return, review, countersign, consent, record a collective decision, hand off …");

        api.MapPatch("/matters/{id:guid}", async (ViewerAccessor viewers, MatterService matters, Guid id, [FromBody] EditInput input) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var edited = await matters.EditAsync(viewer, id, input);
                return edited.IsOk ? Results.Ok(ToDto(viewer, edited.Value)) : Problems.Result(edited.Refusal!);
            })
            .WithSummary("The initiator edits title, amount or payee; more money or another payee sends the matter back through approval (R42)");

        api.MapPost("/matters/{id:guid}/withdraw", async (ViewerAccessor viewers, MatterService matters, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var change = await matters.WithdrawAsync(viewer, id);
                return change.IsOk ? Results.NoContent() : Problems.Result(change.Refusal!);
            })
            .WithSummary("The initiator withdraws a pending or returned matter");

        api.MapPost("/matters/{id:guid}/item", async (ViewerAccessor viewers, MatterService matters, Guid id, [FromBody] CorrectItemInput input) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var change = await matters.CorrectItemAsync(viewer, id, input.ItemCode);
                if (!change.IsOk)
                {
                    return Problems.Result(change.Refusal!, forbidden: change.Refusal!.Key == "R18.OnlyOfficeCorrectsItem");
                }

                var matter = await matters.GetAsync(viewer, id);
                return matter.IsOk ? Results.Ok(ToDto(viewer, matter.Value)) : Problems.Result(matter.Refusal!);
            })
            .WithSummary("The office corrects the catalogue entry a purchase plan names (or \"none\"); a changed route starts the next round (R18, R40)");

        api.MapPost("/matters/{id:guid}/resubmit", async (ViewerAccessor viewers, MatterService matters, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var change = await matters.ResubmitAsync(viewer, id);
                return change.IsOk ? Results.NoContent() : Problems.Result(change.Refusal!);
            })
            .WithSummary("The initiator resubmits a returned matter (a new round, R42)");

        api.MapGet("/ledger/matters/{id:guid}", async (ViewerAccessor viewers, MatterService matters, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var ledger = await matters.LedgerAsync(viewer, id);
                return ledger.IsOk
                    ? Results.Ok(new { matterId = id, entries = ledger.Value.Entries, signedTreeHead = ledger.Value.Head })
                    : Problems.Result(ledger.Refusal!);
            })
            .WithSummary("The matter's ledger entries with inclusion proofs against the latest signed tree head (R44)");
    }

    public static MatterDto ToDto(Viewer viewer, Matter m)
    {
        var current = m.CurrentStep is null ? -1 : m.CurrentStepIndex;
        var doneCount = m.State == MatterState.Approved ? m.Route.Steps.Count : m.CurrentStepIndex;
        return new MatterDto(
            m.Id.Value,
            m.UnitId.Value,
            m.Area,
            m.Kind,
            m.Title,
            m.Amount,
            new PayeeDto(m.Payee.PersonId?.Value, m.Payee.Name, m.Payee.CounterpartyId?.Value),
            m.InitiatorId.Value,
            MatterService.NameOf(viewer, m.InitiatorId),
            m.InitiatorKind,
            m.Flags,
            m.OccurredOn,
            m.SubmittedOn,
            m.SubmittedAt,
            m.State,
            m.Round,
            m.PolicyVersionId.Value,
            m.Route.Steps.Select((s, i) => new StepDto(i, s.Kind, s.Actor.ToString(), i < doneCount, i == current)).ToList(),
            m.Actions.OrderBy(a => a.At).Select(a => new ActionDto(a.Id.Value, a.Round, a.StepIndex, a.Kind, a.ActorId.Value, MatterService.NameOf(viewer, a.ActorId), a.Comment, a.ExternalReference, a.At, a.OnBehalfOf?.Value, a.OnBehalfOf is { } b ? MatterService.NameOf(viewer, b) : null)).ToList(),
            MatterService.AvailableActions(viewer, m),
            m.ItemCode);
    }
}

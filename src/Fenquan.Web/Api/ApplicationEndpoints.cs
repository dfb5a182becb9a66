using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Web.Citizens;

namespace Fenquan.Web.Api;

public sealed record ApplicantDto(ApplicantKind Kind, string Name, string IdentityNumber, string Contact, IdentityCheck IdentityCheck);

public sealed record ApplicationClockDto(string Stage, int LimitDays, DayCount LimitCounts, int Used, int Left, LimitColour Colour, PauseReason? PausedFor, int? StepLimitDays, int StepUsed)
{
    public static ApplicationClockDto Of(ApplicationStatus s) =>
        new(s.Stage, s.Limit.Days, s.Limit.Count, s.Used, s.Left, s.Colour, s.PausedFor, s.StepLimit?.Days, s.StepUsed);
}

public sealed record ApplicationEventDto(ApplicationEventKind Kind, Guid? ById, string Text, DateTimeOffset At, DateOnly On, PauseReason? Pause, decimal? Amount);

/// <summary>An application as its handling unit reads it; <see cref="Applicant"/> only for the unit's people (R24).</summary>
public sealed record ApplicationDto(
    Guid Id, string ReceiptNumber, Guid UnitId, string ItemCode, string ItemName, bool IsMajor, ApplicationState State, ApplicationClockDto Clock,
    DateTimeOffset SubmittedAt, IReadOnlyList<string> Documents, IReadOnlyList<string> MissingDocuments, bool CorrectionAsked, int StepIndex, IReadOnlyList<string> Steps,
    decimal? FeeYuan, decimal? FeeCharged, Guid? HandlerId, string? DecisionNumber, string DecisionText, DateOnly? DecidedOn, bool MayHandle,
    ApplicantDto? Applicant, IReadOnlyList<ApplicationEventDto>? Events, Guid? DecisionMatterId = null)
{
    public static ApplicationDto Of(ApplicationView view, bool withEvents)
    {
        ArgumentNullException.ThrowIfNull(view);
        var a = view.Application;
        return new(a.Id, a.ReceiptNumber, a.UnitId.Value, a.ItemCode, a.ItemName, a.IsMajor, a.State, ApplicationClockDto.Of(view.Status),
            a.SubmittedAt, a.Documents, a.MissingDocuments, a.CorrectionAsked, a.StepIndex, [.. a.Steps.Select(s => s.Name)],
            a.FeeYuan, a.FeeCharged, a.HandlerId?.Value, a.DecidedAt is null ? null : a.DecisionNumber, a.DecisionText, a.DecidedOn, view.MayHandle,
            view.SeesApplicant ? new ApplicantDto(a.ApplicantKind, a.ApplicantName, a.ApplicantNumber, a.ApplicantContact, a.IdentityCheck) : null,
            withEvents ? [.. a.Events.OrderBy(e => e.At).Select(e => new ApplicationEventDto(e.Kind, e.ById?.Value, e.Text, e.At, e.On, e.Pause, e.Amount))] : null,
            a.DecisionMatterId);
    }
}

/// <summary>What the applicant reads with receipt number and code: the state and the clock, the decision — nothing of the unit's people, nothing of the applicant.</summary>
public sealed record FollowUpDto(string ReceiptNumber, string ItemCode, string ItemName, ApplicationState State, ApplicationClockDto Clock, DateTimeOffset SubmittedAt, IReadOnlyList<string> MissingDocuments, string? DecisionNumber, string DecisionText, DateOnly? DecidedOn)
{
    public static FollowUpDto Of(FollowUpView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var a = view.Application;
        return new(a.ReceiptNumber, a.ItemCode, a.ItemName, a.State, ApplicationClockDto.Of(view.Status), a.SubmittedAt, a.MissingDocuments,
            a.DecidedAt is null ? null : a.DecisionNumber, a.DecisionText, a.DecidedOn);
    }
}

public sealed record FollowUpInput(string? Receipt, string? Code);

public sealed record CorrectionRequestInput(IReadOnlyList<string>? Missing);

public sealed record ReasonsInput(string? Reasons);

public sealed record PauseInput(PauseReason? Reason, string? Note);

public sealed record FeeInput(decimal? Amount);

public sealed record StepInput(string? Note);

/// <summary>
/// JSON API v1 for approval applications (R24, R46): the handling unit's staff list, read and handle
/// them through the same service, operations and core decisions as the pages under /applications;
/// another unit's application is not found, and a refusal names its rule. The applicant follows an
/// application without an account at <c>POST /api/v1/public/follow-up</c>.
/// </summary>
public static class ApplicationEndpoints
{
    public static void MapApplicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/applications", "Applications");

        api.MapGet("/", async (Caller caller, ApplicationService applications, ApplicationState? state, string? item, bool? overdue) =>
                Results.Ok((await applications.OfUnitAsync(caller.Viewer, new ApplicationFilter(state, item, overdue))).Select(v => ApplicationDto.Of(v, withEvents: false)).ToList()))
            .WithSummary("The caller's unit's applications, newest first; filter by state, item code and overdue (red on any limit, R46)");

        api.MapGet("/{id:guid}", async (Caller caller, ApplicationService applications, Guid id) =>
            {
                var found = await applications.GetAsync(caller.Viewer, id);
                return found.IsOk ? Results.Ok(ApplicationDto.Of(found.Value, withEvents: true)) : Problems.Result(found.Refusal!);
            })
            .WithSummary("One application of the caller's unit with what happened to it; another unit's is not found");

        Step(api, "/{id:guid}/accept", "Accept the application (受理): the first step's clock starts",
            (Caller c, ApplicationService s, Guid id, HttpContext _) => s.AcceptAsync(c.Viewer, id));
        Step(api, "/{id:guid}/correction", "Ask once for every missing document (一次性告知补正, Art. 32), within the acceptance limit",
            (Caller c, ApplicationService s, Guid id, CorrectionRequestInput input) => s.RequestCorrectionAsync(c.Viewer, id, input.Missing ?? []));
        Step(api, "/{id:guid}/refuse", "Refuse with reasons (不予受理 at acceptance, 不予许可 at the last step; Art. 38)",
            (Caller c, ApplicationService s, Guid id, ReasonsInput input) => s.RefuseAsync(c.Viewer, id, input.Reasons ?? string.Empty));
        Step(api, "/{id:guid}/pause", "Pause the clock with what for and why (Art. 45)",
            (Caller c, ApplicationService s, Guid id, PauseInput input) => s.PauseAsync(c.Viewer, id, input.Reason ?? (PauseReason)(-1), input.Note ?? string.Empty));
        Step(api, "/{id:guid}/resume", "End the pause: the clock runs again",
            (Caller c, ApplicationService s, Guid id, HttpContext _) => s.ResumeAsync(c.Viewer, id));
        Step(api, "/{id:guid}/fee", "Record the fee: exactly the published standard, once (Art. 58)",
            (Caller c, ApplicationService s, Guid id, FeeInput input) => s.ChargeFeeAsync(c.Viewer, id, input.Amount ?? -1m));
        Step(api, "/{id:guid}/step", "Complete the current step; at the last step grant the application with the note as the decision",
            (Caller c, ApplicationService s, Guid id, StepInput input) => s.CompleteStepAsync(c.Viewer, id, input.Note ?? string.Empty));
        Step(api, "/{id:guid}/refer-to-team", "R23: at the last step of a major item, refer its decision to the unit's route for major items (deputy in charge, principal's consent, collective decision); decisionMatterId links the matter",
            (Caller c, ApplicationService s, Guid id, HttpContext _) => s.ReferToTeamAsync(c.Viewer, id));

        // The applicant, without an account: the receipt and the code in the body (never in the address).
        app.MapPost("/api/v1/public/follow-up", async (ApplicationService applications, FollowUpInput input) =>
                await applications.FollowAsync(input.Receipt, input.Code) is { } view
                    ? Results.Ok(FollowUpDto.Of(view))
                    : Problems.Result(Refusal.NotFound("Application")))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Public")
            .WithSummary("The follow-up of an application by receipt number and code; an unknown receipt and a wrong code answer the same 404");
    }

    // A step answers the application as the unit now reads it; refused by rule, 403 when the caller sees it but does not handle it.
    private static void Step<TInput>(RouteGroupBuilder api, string pattern, string summary, Func<Caller, ApplicationService, Guid, TInput, Task<Result<ApprovalApplication>>> act) =>
        api.MapPost(pattern, async (Caller caller, ApplicationService applications, Guid id, TInput? input) =>
            {
                // An empty body or a JSON null binds to null here: a bad request, not a server error.
                if (input is null)
                {
                    return Problems.Result(Refusal.Because(Refusal.InvalidId, "ApplicationStepBody", "The body is a JSON object with the step's fields."));
                }

                var done = await act(caller, applications, id, input);
                if (!done.IsOk)
                {
                    return Problems.Result(done.Refusal!, ApplicationService.IsNotHandler(done.Refusal!));
                }

                var view = await applications.GetAsync(caller.Viewer, id);
                return Results.Ok(ApplicationDto.Of(view.Value, withEvents: true));
            })
            .WithSummary(summary);
}

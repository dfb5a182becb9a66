using System.Globalization;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Web.Access;
using Fenquan.Web.Pages.Meetings;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record MeetingMemberDto(Guid PersonId, string Name, bool IsPrincipal, bool? Present, string AbsenceReason);

public sealed record RecusalDto(Guid PersonId, string Name, RecusalGround Ground, bool Automatic, string Reason);

public sealed record OpinionDto(int Sequence, Guid PersonId, string Name, OpinionKind Kind, string Reason, DateTimeOffset At);

public sealed record OutcomeDto(ItemOutcomeKind Kind, decimal? DecidedAmount, string Conditions, string Reason, DateTimeOffset At);

public sealed record AgendaItemDto(
    Guid Id,
    int Number,
    Guid? MatterId,
    Guid? PolicyProposalId,
    string Title,
    decimal ProposedAmount,
    IReadOnlyList<string> Documents,
    IReadOnlyList<RecusalDto> Recusals,
    IReadOnlyList<OpinionDto> Opinions,
    ItemTally? Tally,
    IReadOnlyList<string> StillToSpeak,
    OutcomeDto? Outcome);

public sealed record SignatureDto(Guid PersonId, string Name, string Objection, DateTimeOffset At);

public sealed record MinutesDto(Guid Id, int Version, Guid? SupersedesId, MinutesState State, DateTimeOffset DrawnUpAt, IReadOnlyList<SignatureDto> Signatures, IReadOnlyList<Guid> MissingSignatures, Minutes Content);

public sealed record MeetingDto(
    Guid Id,
    Guid UnitId,
    MeetingKind Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    Guid ChairId,
    MeetingState State,
    IReadOnlyList<MeetingMemberDto> Members,
    IReadOnlyList<AgendaItemDto> Items,
    MinutesDto? Minutes);

/// <summary>
/// The signed-in viewer as an endpoint parameter. The group requires an authenticated user; one
/// without a county (a malformed principal) gets 401 before any operation runs.
/// </summary>
public sealed record Caller(Viewer Viewer)
{
    public static async ValueTask<Caller?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var viewer = await context.RequestServices.GetRequiredService<ViewerAccessor>().GetAsync(context.RequestAborted);
        return viewer is null ? throw new BadHttpRequestException("Not signed in to a county.", StatusCodes.Status401Unauthorized) : new Caller(viewer);
    }
}

/// <summary>JSON API v1 for collective decisions in meetings (R43): the same operations and checks as the meeting pages.</summary>
public static class MeetingEndpoints
{
    public static void MapMeetingApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/meetings", "Meetings");

        api.MapGet("/queue", (Caller caller, MeetingService meetings) =>
                Results.Ok(meetings.Queue(caller.Viewer).Select(m => new { id = m.Id.Value, m.Title, m.Amount, m.Area, m.Kind, m.SubmittedAt }).ToList()))
            .WithSummary("The unit's agenda queue: matters waiting at a collective-decision step");

        api.MapGet("/", (Caller caller, MeetingService meetings, [AsParameters] MeetingListInput filters) =>
            {
                if (!filters.Any)
                {
                    return Results.Ok(meetings.List(caller.Viewer).Select(m => new { id = m.Id.Value, m.Kind, m.Title, m.ScheduledAt, m.State }).ToList());
                }

                var parsed = filters.Parse();
                if (!parsed.IsOk)
                {
                    return Problems.Result(parsed.Refusal!);
                }

                var found = meetings.Find(caller.Viewer, parsed.Value.Filter, parsed.Value.Page, parsed.Value.Size);
                return Results.Ok(new { items = found.Items.Select(m => new { id = m.Id.Value, m.Kind, m.Title, m.ScheduledAt, m.State }).ToList(), total = found.Total, page = found.Number, size = found.Size });
            })
            .WithSummary("The unit's meetings, newest first; with q, state, from, to, page or size: searched and filtered, counted, numbered pages");

        api.MapPost("/", async (Caller caller, MeetingService meetings, [FromBody] ScheduleInput input) =>
                Answer(await meetings.ScheduleAsync(caller.Viewer, input), m => Results.Created("/api/v1/meetings/" + m.Id, ToDto(m))))
            .WithSummary("Schedule a meeting (kind, title, time, chair = a principal of the unit)");

        api.MapGet("/{id:guid}", (Caller caller, MeetingService meetings, Guid id) =>
            {
                var found = meetings.Get(caller.Viewer, id);
                return found.IsOk ? Results.Ok(ToDto(found.Value)) : Problems.Result(found.Refusal!);
            })
            .WithSummary("A meeting with its members, items, attendance, recusals, opinions, tallies, outcomes and minutes");

        api.MapPost("/{id:guid}/items", async (Caller caller, MeetingService meetings, Guid id, [FromBody] ItemInput input) =>
                Answer(await meetings.AddItemAsync(caller.Viewer, id, input), i => Results.Created($"/api/v1/meetings/{id:D}", new { id = i.Id.Value, i.Number })))
            .WithSummary("Put a matter from the queue on the agenda, with its documents");

        api.MapPost("/{id:guid}/cancel", async (Caller caller, MeetingService meetings, Guid id, [FromBody] CancelInput input) =>
                Answer(await meetings.CancelAsync(caller.Viewer, id, input), m => Results.Ok(ToDto(m))))
            .WithSummary("Cancel a scheduled meeting, with a reason; its matters go back to the queue and its members are notified");

        api.MapPost("/{id:guid}/open", async (Caller caller, MeetingService meetings, Guid id) =>
                Answer(await meetings.OpenAsync(caller.Viewer, id), m => Results.Ok(ToDto(m))))
            .WithSummary("Open the meeting: the agenda is fixed and automatic recusals are recorded");

        api.MapPost("/{id:guid}/attendance", async (Caller caller, MeetingService meetings, Guid id, [FromBody] AttendanceInput input) =>
                Answer(await meetings.AttendanceAsync(caller.Viewer, id, input), _ => Results.NoContent()))
            .WithSummary("Record a member present, or absent with a reason");

        api.MapPost("/{id:guid}/recusals", async (Caller caller, MeetingService meetings, Guid id, [FromBody] RecusalInput input) =>
                Answer(await meetings.RecusalAsync(caller.Viewer, id, input), _ => Results.NoContent()))
            .WithSummary("Record a member's declared recusal on an item, with a reason");

        api.MapPost("/{id:guid}/opinions", async (Caller caller, MeetingService meetings, Guid id, [FromBody] OpinionInput input) =>
                Answer(await meetings.OpinionAsync(caller.Viewer, id, input), o => Results.Ok(new { o.Sequence, o.Kind })))
            .WithSummary("Record the next opinion on an item (the principal speaks last, R43)");

        api.MapPost("/{id:guid}/outcome", async (Caller caller, MeetingService meetings, Guid id, [FromBody] OutcomeInput input) =>
                Answer(await meetings.OutcomeAsync(caller.Viewer, id, input), o => Results.Ok(new OutcomeDto(o.Kind, o.DecidedAmount, o.Conditions, o.Reason, o.At))))
            .WithSummary("Approve an item at a decided amount, reject it, defer it, or note an item that informs the team; approvals and rejections bind their matters when the minutes are signed (R43)");

        api.MapPost("/{id:guid}/minutes", async (Caller caller, MeetingService meetings, Guid id) =>
                Answer(await meetings.DrawUpAsync(caller.Viewer, id), r => Results.Ok(new { id = r.Id.Value, r.Version, r.State })))
            .WithSummary("Draw up the minutes from the recorded rows and close the meeting");

        api.MapPost("/{id:guid}/minutes/corrections", async (Caller caller, MeetingService meetings, Guid id, [FromBody] CorrectionInput input) =>
                Answer(await meetings.CorrectAsync(caller.Viewer, id, input), r => Results.Ok(new { id = r.Id.Value, r.Version, r.State })))
            .WithSummary("Correct the minutes: a new record superseding the current one, signed again");

        api.MapPost("/{id:guid}/minutes/signatures", async (Caller caller, MeetingService meetings, Guid id, [FromBody] SignInput? input) =>
                Answer(await meetings.SignAsync(caller.Viewer, id, input), s => Results.Ok(new { personId = s.PersonId.Value, s.Objection, s.At })))
            .WithSummary("Sign the current minutes as myself, optionally with an objection; with the last signature they are final and the decisions bind their matters (R43)");

        api.MapPost("/{id:guid}/minutes/missing-signatures", async (Caller caller, MeetingService meetings, Guid id, [FromBody] MissingSignatureInput input) =>
                Answer(await meetings.RecordMissingSignatureAsync(caller.Viewer, id, input), s => Results.Ok(new { personId = s.PersonId.Value, s.Reason, s.At })))
            .WithSummary("The discipline member records why an attendee has not signed within the signing period (R43)");

        api.MapGet("/{id:guid}/minutes.pdf", async (Caller caller, MeetingService meetings, Guid id) =>
            {
                var pdf = await meetings.PdfAsync(caller.Viewer, id, CultureInfo.CurrentUICulture);
                return pdf.IsOk ? Results.File(pdf.Value.Pdf, "application/pdf", pdf.Value.FileName) : Problems.Result(pdf.Refusal!);
            })
            .WithSummary("The current minutes as PDF, in the request's culture");

        app.MapNotificationApi();
    }

    private static IResult Answer<T>(MeetingAttempt<T> attempt, Func<T, IResult> ok) =>
        attempt.Result.IsOk ? ok(attempt.Result.Value) : Problems.Result(attempt.Result.Refusal!, attempt.Forbidden);

    public static MeetingDto ToDto(Meeting m)
    {
        string Name(PersonId p) => m.Members.FirstOrDefault(x => x.PersonId == p)?.Name ?? p.ToString();
        var minutes = m.CurrentMinutes;
        return new MeetingDto(
            m.Id.Value,
            m.UnitId.Value,
            m.Kind,
            m.Title,
            m.ScheduledAt,
            m.ChairId.Value,
            m.State,
            m.Members.Select(x => new MeetingMemberDto(x.PersonId.Value, x.Name, x.IsPrincipal, m.AttendanceOf(x.PersonId)?.Present, m.AttendanceOf(x.PersonId)?.AbsenceReason ?? string.Empty)).ToList(),
            m.Items.Select(i => new AgendaItemDto(
                i.Id.Value,
                i.Number,
                i.MatterId?.Value,
                i.PolicyProposalId?.Value,
                i.Title,
                i.ProposedAmount,
                i.DocumentReferences,
                m.RecusalsOn(i.Id).Select(r => new RecusalDto(r.PersonId.Value, Name(r.PersonId), r.Ground, r.Automatic, r.Reason)).ToList(),
                m.OpinionsOn(i.Id).Select(o => new OpinionDto(o.Sequence, o.PersonId.Value, Name(o.PersonId), o.Kind, o.Reason, o.At)).ToList(),
                m.State == MeetingState.Scheduled ? null : m.Tally(i.Id),
                MeetingView.StillToSpeak(m, i.Id).Select(p => Name(p)).ToList(),
                m.OutcomeOf(i.Id) is { } o ? new OutcomeDto(o.Kind, o.DecidedAmount, o.Conditions, o.Reason, o.At) : null)).ToList(),
            minutes is null ? null : new MinutesDto(
                minutes.Id.Value,
                minutes.Version,
                minutes.SupersedesId?.Value,
                minutes.State,
                minutes.DrawnUpAt,
                minutes.Signatures.Select(s => new SignatureDto(s.PersonId.Value, Name(s.PersonId), s.Objection, s.At)).ToList(),
                minutes.MissingSignatures.Select(p => p.Value).ToList(),
                minutes.Content));
    }
}

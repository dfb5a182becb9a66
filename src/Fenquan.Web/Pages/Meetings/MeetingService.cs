using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Queries;
using Fenquan.Data.Storage;
using Fenquan.Documents.Minutes;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>An attempt's outcome: the value, or the refusal and whether the viewer may not record at all (403 rather than 409).</summary>
public sealed record MeetingAttempt<T>(Result<T> Result, bool Forbidden)
{
    public static implicit operator MeetingAttempt<T>(Result<T> result) => new(result, false);
}

/// <summary>What the meeting forms and the JSON API send (one shape for both).</summary>
public sealed class ScheduleInput
{
    public MeetingKind? Kind { get; set; }

    public string? Title { get; set; }

    public DateTimeOffset? ScheduledAt { get; set; }

    public Guid? ChairId { get; set; }
}

public sealed class ItemInput
{
    public Guid? MatterId { get; set; }

    public IReadOnlyList<string>? Documents { get; set; }

    public IReadOnlyList<Guid>? ConcernedPersonIds { get; set; }
}

public sealed class AttendanceInput
{
    public Guid? PersonId { get; set; }

    public bool Present { get; set; }

    public string? Reason { get; set; }
}

public sealed class RecusalInput
{
    public Guid? ItemId { get; set; }

    public Guid? PersonId { get; set; }

    public string? Reason { get; set; }
}

public sealed class OpinionInput
{
    public Guid? ItemId { get; set; }

    public Guid? PersonId { get; set; }

    public OpinionKind? Kind { get; set; }

    public string? Reason { get; set; }
}

public enum OutcomeChoice
{
    Approve,
    Reject,
    Defer,

    /// <summary>Hear an item that informs the team (R6).</summary>
    Note,
}

public sealed class OutcomeInput
{
    public Guid? ItemId { get; set; }

    public OutcomeChoice? Outcome { get; set; }

    public decimal? DecidedAmount { get; set; }

    public string? Conditions { get; set; }

    public string? Reason { get; set; }
}

public sealed class SignInput
{
    /// <summary>The objection the member signs with; empty or null: none.</summary>
    public string? Objection { get; set; }
}

public sealed class MissingSignatureInput
{
    public Guid? PersonId { get; set; }

    public string? Reason { get; set; }
}

public sealed class CorrectionInput
{
    public string? Note { get; set; }
}

public sealed class CancelInput
{
    public string? Reason { get; set; }
}

/// <summary>
/// What the meeting pages and the API do, in one place (R43): who may see and record, the shape of
/// the input, and then the operations — the core decides every rule and the writer ledgers it.
/// The office reviewer or a principal of the unit schedules and records (the recorder enters each
/// speaker's opinion, as the secretary does); team members and the discipline member view; each
/// attendee signs the minutes only as themselves. Another unit's meeting does not exist for anyone.
/// </summary>
public sealed class MeetingService(DbSession session, FenquanStore store)
{
    private readonly MeetingOperations _operations = new(store.Writer);

    /// <summary>Team members, the office and the discipline member of the unit see its meetings (the core decides, <see cref="MeetingAccess"/>).</summary>
    public static bool MayView(Viewer viewer, UnitId unit) => MeetingAccess.MayView(viewer.Person, viewer.Unit, viewer.Roles, unit);

    /// <summary>The office reviewer or a principal of the unit schedules and records (<see cref="MeetingAccess"/>).</summary>
    public static bool MayRecord(Viewer viewer, UnitId unit) => MeetingAccess.MayRecord(viewer.Person, viewer.Unit, viewer.Roles, unit);

    public static Refusal NotRecorder => MeetingAccess.NotRecorder;

    /// <summary>The viewer's unit's agenda queue (待上会事项); empty for those who may not see it.</summary>
    public IReadOnlyList<Matter> Queue(Viewer viewer) =>
        viewer.Unit is { } unit && MayView(viewer, unit) ? MeetingOperations.AgendaQueue(session.Db, viewer.County, unit) : [];

    public IReadOnlyList<Meeting> List(Viewer viewer) =>
        viewer.Unit is { } unit && MayView(viewer, unit) ? MeetingOperations.MeetingsOf(session.Db, viewer.County, unit) : [];

    /// <summary>A numbered page of the unit's meetings the filter finds, with the count; empty for those who may not see them.</summary>
    public CountedPage<Meeting> Find(Viewer viewer, MeetingFilter filter, int page, int size) =>
        viewer.Unit is { } unit && MayView(viewer, unit) ? MeetingQueries.Find(session.Db, viewer.County, unit, filter, page, size) : new CountedPage<Meeting>([], 0, page, size);

    /// <summary>Every meeting the filter finds (for export), with the same check as the list.</summary>
    public IReadOnlyList<Meeting> All(Viewer viewer, MeetingFilter filter) =>
        viewer.Unit is { } unit && MayView(viewer, unit) ? MeetingQueries.All(session.Db, viewer.County, unit, filter) : [];

    /// <summary>The unit's principals today (the chair is one of them).</summary>
    public IReadOnlyList<(PersonId Id, string Name)> Principals(Viewer viewer) =>
        viewer.Unit is { } unit && viewer.Org is { } org
            ? org.Principals(unit, viewer.Today).Select(p => (p, org.NameOf(p))).ToList()
            : [];

    public Result<Meeting> Get(Viewer viewer, Guid id)
    {
        var meeting = MeetingOperations.Find(session.Db, viewer.County, new MeetingId(id));
        return meeting is not null && MayView(viewer, meeting.UnitId) ? Result<Meeting>.Ok(meeting) : Refusal.NotFound("Meeting " + id.ToString("D"));
    }

    public async Task<MeetingAttempt<Meeting>> ScheduleAsync(Viewer viewer, ScheduleInput input)
    {
        if (viewer.Unit is not { } unit || !MayView(viewer, unit))
        {
            return new(Refusal.NotFound("Unit"), false);
        }

        if (!MayRecord(viewer, unit))
        {
            return new(NotRecorder, true);
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind) || string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200 || input.ScheduledAt is not { } at || input.ChairId is not { } chair)
        {
            return new(Refusal.Because(Refusal.InvalidId, "MeetingFields", "A meeting needs a kind, a title (at most 200 characters), a time and a chair."), false);
        }

        return await _operations.ScheduleAsync(new ScheduleMeeting(viewer.County, unit, kind, input.Title.Trim(), at, new PersonId(chair)), viewer.Person!.Value);
    }

    public Task<MeetingAttempt<AgendaItem>> AddItemAsync(Viewer viewer, Guid id, ItemInput input) =>
        RecordAsync(viewer, id, meeting =>
        {
            if (input.MatterId is not { } matter)
            {
                return Task.FromResult<Result<AgendaItem>>(Refusal.Because(Refusal.InvalidId, "AgendaItemNeedsMatter", "An agenda item needs its matter."));
            }

            var documents = (input.Documents ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList();
            if (documents.Count > 50 || documents.Any(d => d.Length > 300))
            {
                return Task.FromResult<Result<AgendaItem>>(Refusal.Because(Refusal.InvalidId, "DocumentsLimit", "At most 50 documents of at most 300 characters each."));
            }

            var concerned = (input.ConcernedPersonIds ?? []).Select(p => new PersonId(p)).ToList();
            return _operations.AddItemAsync(viewer.County, meeting.Id, new MatterId(matter), new AgendaItemRequest(concerned, documents), viewer.Person!.Value);
        });

    /// <summary>Cancels a scheduled meeting with a reason (those who schedule may cancel); its members are notified.</summary>
    public Task<MeetingAttempt<Meeting>> CancelAsync(Viewer viewer, Guid id, CancelInput input) =>
        RecordAsync(viewer, id, meeting => string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000
            ? Task.FromResult<Result<Meeting>>(Refusal.Because(Refusal.InvalidId, "CancelReason", "Cancelling a meeting needs a reason of at most 2000 characters."))
            : _operations.CancelAsync(viewer.County, meeting.Id, input.Reason.Trim(), viewer.Person!.Value));

    public Task<MeetingAttempt<Meeting>> OpenAsync(Viewer viewer, Guid id) =>
        RecordAsync(viewer, id, meeting => _operations.OpenAsync(viewer.County, meeting.Id, viewer.Person!.Value));

    public Task<MeetingAttempt<Attendance>> AttendanceAsync(Viewer viewer, Guid id, AttendanceInput input) =>
        RecordAsync(viewer, id, meeting =>
        {
            if (input.PersonId is not { } person)
            {
                return Task.FromResult<Result<Attendance>>(Refusal.Because(Refusal.InvalidId, "AttendanceMember", "Attendance names the member."));
            }

            return input.Present
                ? _operations.MarkPresentAsync(viewer.County, meeting.Id, new PersonId(person), viewer.Person!.Value)
                : _operations.MarkAbsentAsync(viewer.County, meeting.Id, new PersonId(person), input.Reason?.Trim() ?? string.Empty, viewer.Person!.Value);
        });

    /// <summary>The one-form attendance list: every member marked on it, recorded together or not at all.</summary>
    public Task<MeetingAttempt<IReadOnlyList<Attendance>>> AttendanceOfAllAsync(Viewer viewer, Guid id, IReadOnlyList<AttendanceMark> marks) =>
        RecordAsync(viewer, id, meeting => _operations.RecordAttendanceAsync(viewer.County, meeting.Id, marks, viewer.Person!.Value));

    public Task<MeetingAttempt<Recusal>> RecusalAsync(Viewer viewer, Guid id, RecusalInput input) =>
        RecordAsync(viewer, id, meeting => input.ItemId is { } item && input.PersonId is { } person
            ? _operations.DeclareRecusalAsync(viewer.County, meeting.Id, new AgendaItemId(item), new PersonId(person), input.Reason?.Trim() ?? string.Empty, viewer.Person!.Value)
            : Task.FromResult<Result<Recusal>>(Refusal.Because(Refusal.InvalidId, "RecusalFields", "A recusal names the item and the member.")));

    public Task<MeetingAttempt<Opinion>> OpinionAsync(Viewer viewer, Guid id, OpinionInput input) =>
        RecordAsync(viewer, id, meeting => input.ItemId is { } item && input.PersonId is { } person && input.Kind is { } kind && Enum.IsDefined(kind)
            ? _operations.RecordOpinionAsync(viewer.County, meeting.Id, new AgendaItemId(item), new PersonId(person), kind, input.Reason, viewer.Person!.Value)
            : Task.FromResult<Result<Opinion>>(Refusal.Because(Refusal.InvalidId, "OpinionFields", "An opinion names the item, the member and agree, disagree or abstain.")));

    public Task<MeetingAttempt<ItemOutcome>> OutcomeAsync(Viewer viewer, Guid id, OutcomeInput input) =>
        RecordAsync(viewer, id, meeting =>
        {
            if (input.ItemId is not { } itemGuid || input.Outcome is not { } outcome || !Enum.IsDefined(outcome) || input.DecidedAmount is < 0m)
            {
                return Task.FromResult<Result<ItemOutcome>>(Refusal.Because(Refusal.InvalidId, "OutcomeFields", "An outcome names the item and approve, reject or defer (a decided amount is not negative)."));
            }

            var item = new AgendaItemId(itemGuid);
            return outcome switch
            {
                OutcomeChoice.Approve => _operations.ApproveAsync(viewer.County, meeting.Id, item, input.DecidedAmount, input.Conditions, viewer.Person!.Value),
                OutcomeChoice.Reject => _operations.RejectAsync(viewer.County, meeting.Id, item, input.Reason?.Trim() ?? string.Empty, viewer.Person!.Value),
                OutcomeChoice.Defer => _operations.DeferAsync(viewer.County, meeting.Id, item, input.Reason?.Trim() ?? string.Empty, viewer.Person!.Value),
                OutcomeChoice.Note => _operations.NoteAsync(viewer.County, meeting.Id, item, viewer.Person!.Value),
            };
        });

    public Task<MeetingAttempt<MinutesRecord>> DrawUpAsync(Viewer viewer, Guid id) =>
        RecordAsync(viewer, id, meeting => _operations.DrawUpMinutesAsync(viewer.County, meeting.Id, viewer.Person!.Value));

    /// <summary>An attendee proposes a correction as themselves (the core refuses anyone not recorded present).</summary>
    public async Task<MeetingAttempt<MinutesRecord>> CorrectAsync(Viewer viewer, Guid id, CorrectionInput input)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return new(found.Refusal!, false);
        }

        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Length > 2000)
        {
            return new(Refusal.Because(Refusal.InvalidId, "CorrectionNote", "A correction needs a note of at most 2000 characters."), false);
        }

        var me = viewer.Person!.Value;
        var result = await _operations.CorrectMinutesAsync(viewer.County, found.Value.Id, input.Note.Trim(), me);
        return new(result, !result.IsOk && found.Value.CurrentMinutes is { } minutes && !minutes.Content.RequiredSigners.Contains(me));
    }

    /// <summary>The viewer signs the current minutes, only as themselves (the core refuses anyone not recorded present).</summary>
    public async Task<MeetingAttempt<MinutesSignature>> SignAsync(Viewer viewer, Guid id, SignInput? input = null)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return new(found.Refusal!, false);
        }

        var toSign = found.Value.MinutesToSign();
        if (!toSign.IsOk)
        {
            return new(toSign.Refusal!, false);
        }

        var minutes = toSign.Value;

        var signer = viewer.Person!.Value;
        var result = await _operations.SignMinutesAsync(viewer.County, found.Value.Id, minutes.Id, signer, input?.Objection);
        return new(result, !result.IsOk && !minutes.Content.RequiredSigners.Contains(signer));
    }

    /// <summary>
    /// The unit's discipline member records why an attendee has not signed within the signing period
    /// (R43); the core refuses anyone else (403) and any record before the period is over.
    /// </summary>
    public async Task<MeetingAttempt<MissingSignature>> RecordMissingSignatureAsync(Viewer viewer, Guid id, MissingSignatureInput input)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return new(found.Refusal!, false);
        }

        if (input.PersonId is not { } person || string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000)
        {
            return new(Refusal.Because(Refusal.InvalidId, "MissingSignatureFields", "A missing signature names the member and the reason (at most 2000 characters)."), false);
        }

        var result = await _operations.RecordMissingSignatureAsync(viewer.County, found.Value.Id, new PersonId(person), input.Reason.Trim(), viewer.Person!.Value, viewer.Today);
        return new(result, !result.IsOk && !viewer.Holds(Role.DisciplineMember));
    }

    /// <summary>The current minutes as a PDF in <paramref name="culture"/>.</summary>
    public async Task<Result<(byte[] Pdf, string FileName)>> PdfAsync(Viewer viewer, Guid id, CultureInfo culture)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        if (found.Value.CurrentMinutes is not { } minutes)
        {
            return Refusal.NotFound("Minutes of meeting " + id.ToString("D"));
        }

        var unitName = await session.Db.Units.AsNoTracking().Where(u => u.Id == found.Value.UnitId).Select(u => u.Name).FirstAsync();
        var pdf = MinutesPdf.Render(minutes, new MinutesNames(unitName), culture);
        var name = string.Create(CultureInfo.InvariantCulture, $"minutes-{found.Value.MeetingDate:yyyy-MM-dd}-v{minutes.Version}.pdf");
        return Result<(byte[], string)>.Ok((pdf, name));
    }

    private async Task<MeetingAttempt<T>> RecordAsync<T>(Viewer viewer, Guid id, Func<Meeting, Task<Result<T>>> work)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return new(found.Refusal!, false);
        }

        if (!MayRecord(viewer, found.Value.UnitId))
        {
            return new(NotRecorder, true);
        }

        return await work(found.Value);
    }
}

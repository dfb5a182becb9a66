using System.Globalization;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// The minutes (会议纪要), generated from the recorded rows — there is no field to type them in —
/// with each attendee's signature, the final state, corrections, and the PDF (R43).
/// </summary>
public sealed class MeetingMinutesModel(MeetingService meetings, Access.DbSession session, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public Meeting Meeting { get; private set; } = null!;

    public MinutesRecord Record { get; private set; } = null!;

    /// <summary>Whether the viewer is an attendee who has not signed the current minutes.</summary>
    public bool MaySign => Viewer.Person is { } me && Record.MissingSignatures.Contains(me);

    /// <summary>Whether the viewer attended and so may propose a correction (as themselves).</summary>
    public bool MayCorrect => Viewer.Person is { } me && Record.Content.RequiredSigners.Contains(me);

    /// <summary>R43: attendees whose signing period ran out without a signature (reported to the discipline member).</summary>
    public IReadOnlyList<PersonId> Overdue => Meeting.OverdueSigners(Viewer.Today, Data.Operations.CountyChangeOperations.CalendarInForce(session.Db, Viewer.County));

    /// <summary>Whether the viewer is the unit's discipline member (the core refuses anyone else).</summary>
    public bool MayExplain => Viewer.Holds(Core.Organization.Role.DisciplineMember);

    public IActionResult OnGet(Guid id) => Load(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        var pdf = await meetings.PdfAsync(Viewer, id, CultureInfo.CurrentUICulture);
        return pdf.IsOk ? File(pdf.Value.Pdf, "application/pdf", pdf.Value.FileName) : NotFound();
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, string? objection) => Done(id, await meetings.SignAsync(Viewer, id, new SignInput { Objection = objection }), "Done.Signed");

    public async Task<IActionResult> OnPostExplainAsync(Guid id, Guid? personId, string? reason) =>
        Done(id, await meetings.RecordMissingSignatureAsync(Viewer, id, new MissingSignatureInput { PersonId = personId, Reason = reason }), "Done.Explained");

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, string? note) =>
        Done(id, await meetings.CorrectAsync(Viewer, id, new CorrectionInput { Note = note }), "Done.Corrected");

    public string Name(PersonId person) => MeetingView.NameOf(Meeting, person);

    private IActionResult Done<T>(Guid id, MeetingAttempt<T> attempt, string notice)
    {
        if (attempt.Result.IsOk)
        {
            Notice = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MeetingResource>>()[notice];
            return Redirect($"/meetings/{id:D}/minutes");
        }

        if (!Load(id))
        {
            return NotFound();
        }

        var refusal = attempt.Result.Refusal!;
        Error = Problems.Message(refusal);
        Response.StatusCode = Problems.StatusOf(refusal, attempt.Forbidden);
        return Page();
    }

    private bool Load(Guid id)
    {
        var found = meetings.Get(Viewer, id);
        if (!found.IsOk || found.Value.CurrentMinutes is not { } record)
        {
            return false;
        }

        Meeting = found.Value;
        Record = record;
        return true;
    }
}

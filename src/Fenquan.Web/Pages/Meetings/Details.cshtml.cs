using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Fenquan.Web.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// The meeting page for recording on a tablet (R43): agenda, opening, attendance, recusals, each
/// item's opinions in speaking order with the form for the next one, the tally and the outcome,
/// and drawing up the minutes. Every handler goes through <see cref="MeetingService"/> (a policy
/// item's approval or rejection through <see cref="PolicyService"/>), which authorises on the
/// server; the core decides.
/// </summary>
public sealed class MeetingDetailsModel(MeetingService meetings, PolicyService policies, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<Matter> Queue { get; private set; } = [];

    public bool MayRecord { get; private set; }

    public IActionResult OnGet(Guid id) => Load(id) ? Page() : NotFound();

    /// <summary>The unit's people today, for naming whom a personnel item concerns (R11: they and their relatives are recused).</summary>
    public IReadOnlyList<(PersonId Id, string Name)> UnitPeople { get; private set; } = [];

    public async Task<IActionResult> OnPostAddItemAsync(Guid id, Guid? matterId, string? documents, Guid[]? concerned) =>
        Done(id, await meetings.AddItemAsync(Viewer, id, new ItemInput
        {
            MatterId = matterId,
            ConcernedPersonIds = concerned ?? [],
            Documents = (documents ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }), "Done.ItemAdded");

    /// <summary>Cancels the scheduled meeting with a reason (whoever may schedule it, checked by the service).</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? cancelReason) =>
        Done(id, await meetings.CancelAsync(Viewer, id, new CancelInput { Reason = cancelReason }), "Done.Cancelled");

    public async Task<IActionResult> OnPostOpenAsync(Guid id) => Done(id, await meetings.OpenAsync(Viewer, id), "Done.Opened");

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid? personId, bool present, string? reason) =>
        Done(id, await meetings.AttendanceAsync(Viewer, id, new AttendanceInput { PersonId = personId, Present = present, Reason = reason }), "Done.Attendance");

    /// <summary>
    /// The one form for the whole team's attendance (no reload per member): for each member the form
    /// posts <c>attend-{id}</c> (<c>present</c> or <c>absent</c>) and <c>reason-{id}</c>; members
    /// left unmarked are left for later. Works without JavaScript.
    /// </summary>
    public async Task<IActionResult> OnPostAttendanceAllAsync(Guid id)
    {
        var marks = new List<AttendanceMark>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("attend-", StringComparison.Ordinal) && Guid.TryParse(key["attend-".Length..], out var person) && value.ToString() is "present" or "absent")
            {
                marks.Add(new AttendanceMark(new Core.Primitives.PersonId(person), value.ToString() == "present", Request.Form["reason-" + person.ToString("D")].ToString().Trim()));
            }
        }

        return Done(id, await meetings.AttendanceOfAllAsync(Viewer, id, marks), "Done.Attendance");
    }

    public async Task<IActionResult> OnPostRecusalAsync(Guid id, Guid? itemId, Guid? personId, string? reason) =>
        Done(id, await meetings.RecusalAsync(Viewer, id, new RecusalInput { ItemId = itemId, PersonId = personId, Reason = reason }), "Done.Recusal");

    public async Task<IActionResult> OnPostOpinionAsync(Guid id, Guid? itemId, Guid? personId, OpinionKind? kind, string? reason) =>
        Done(id, await meetings.OpinionAsync(Viewer, id, new OpinionInput { ItemId = itemId, PersonId = personId, Kind = kind, Reason = reason }), "Done.Opinion");

    /// <summary>
    /// R43: a policy item (no matter) is approved or rejected as on /admin/unit, through <see cref="PolicyService"/>,
    /// so that a principal present, who may not open the unit administration, records it here.
    /// </summary>
    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid? itemId, OutcomeChoice? outcome, decimal? decidedAmount, string? conditions, string? reason) =>
        Done(id, IsPolicyItem(id, itemId) && outcome is OutcomeChoice.Approve or OutcomeChoice.Reject
            ? await policies.OutcomeAsync(Viewer, id, itemId!.Value, new PolicyOutcomeInput { Outcome = outcome, Reason = reason })
            : await meetings.OutcomeAsync(Viewer, id, new OutcomeInput { ItemId = itemId, Outcome = outcome, DecidedAmount = decidedAmount, Conditions = conditions, Reason = reason }), "Done.Outcome");

    public async Task<IActionResult> OnPostDrawUpAsync(Guid id)
    {
        var drawn = await meetings.DrawUpAsync(Viewer, id);
        return drawn.Result.IsOk ? Redirect($"/meetings/{id:D}/minutes") : Done(id, drawn, string.Empty);
    }

    public string Name(PersonId person) => MeetingView.NameOf(Meeting, person);

    private bool IsPolicyItem(Guid id, Guid? itemId) =>
        itemId is { } item && meetings.Get(Viewer, id) is { IsOk: true } found && found.Value.Items.Any(i => i.Id.Value == item && i.PolicyProposalId is not null);

    private IActionResult Done<T>(Guid id, MeetingAttempt<T> attempt, string notice)
    {
        if (attempt.Result.IsOk)
        {
            Notice = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MeetingResource>>()[notice];
            return Redirect($"/meetings/{id:D}");
        }

        var refusal = attempt.Result.Refusal!;
        if (refusal.IsNotFound && !Load(id))
        {
            return NotFound();
        }

        if (!Load(id))
        {
            return NotFound();
        }

        Error = Problems.Message(refusal);
        Response.StatusCode = Problems.StatusOf(refusal, attempt.Forbidden);
        return Page();
    }

    private bool Load(Guid id)
    {
        var found = meetings.Get(Viewer, id);
        if (!found.IsOk)
        {
            return false;
        }

        Meeting = found.Value;
        MayRecord = MeetingService.MayRecord(Viewer, Meeting.UnitId);
        Queue = Meeting.State == MeetingState.Scheduled && MayRecord ? meetings.Queue(Viewer) : [];
        UnitPeople = Queue.Count > 0 && Viewer.Org is { } org
            ? Enum.GetValues<Core.Organization.Role>().SelectMany(r => org.PeopleWithRole(Meeting.UnitId, r, Viewer.Today)).Distinct().Select(p => (p, org.NameOf(p))).OrderBy(p => p.Item2, StringComparer.Ordinal).ToList()
            : [];
        return true;
    }
}

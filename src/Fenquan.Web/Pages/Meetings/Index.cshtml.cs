using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>The unit's agenda queue, its meetings, and the form to schedule one.</summary>
public sealed class MeetingsIndexModel(MeetingService meetings, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<Matter> Queue { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public IReadOnlyList<(PersonId Id, string Name)> Principals { get; private set; } = [];

    public bool MayRecord { get; private set; }

    [BindProperty]
    public MeetingKind Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateTime? ScheduledAt { get; set; }

    [BindProperty]
    public Guid? ChairId { get; set; }

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        // The form's local time is China Standard Time, as the county keeps it.
        var at = ScheduledAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : (DateTimeOffset?)null;
        var scheduled = await meetings.ScheduleAsync(Viewer, new ScheduleInput { Kind = Kind, Title = Title, ScheduledAt = at, ChairId = ChairId });
        if (scheduled.Result.IsOk)
        {
            return Redirect("/meetings/" + scheduled.Result.Value.Id);
        }

        if (!Load() || scheduled.Result.Refusal!.IsNotFound)
        {
            return NotFound();
        }

        Error = Api.Problems.Message(scheduled.Result.Refusal!);
        Response.StatusCode = Api.Problems.StatusOf(scheduled.Result.Refusal!, scheduled.Forbidden);
        return Page();
    }

    private bool Load()
    {
        if (Viewer.Unit is not { } unit || !MeetingService.MayView(Viewer, unit))
        {
            return false;
        }

        Queue = meetings.Queue(Viewer);
        Meetings = meetings.List(Viewer);
        Principals = meetings.Principals(Viewer);
        MayRecord = MeetingService.MayRecord(Viewer, unit);
        return true;
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;
using Fenquan.Documents.Lists;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>The unit's agenda queue, its meetings, and the form to schedule one.</summary>
public sealed class MeetingsIndexModel(MeetingService meetings, IStringLocalizer<SharedResource> text, IStringLocalizer<MeetingResource> meetingText) : FenquanPage(text)
{
    public IReadOnlyList<Matter> Queue { get; private set; } = [];

    public IReadOnlyList<(PersonId Id, string Name)> Principals { get; private set; } = [];

    public bool MayRecord { get; private set; }

    private IStringLocalizer<MeetingResource> M => meetingText;

    [BindProperty]
    public MeetingKind Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateTime? ScheduledAt { get; set; }

    [BindProperty]
    public Guid? ChairId { get; set; }

    /// <summary>The list's search and filters as sent.</summary>
    public MeetingListInput Input { get; private set; } = new();

    /// <summary>This page of the meetings the filters find, with the count.</summary>
    public CountedPage<Meeting> Found { get; private set; } = new([], 0, 1, MatterListInput.DefaultSize);

    public IActionResult OnGet([FromQuery] MeetingListInput input)
    {
        if (!Load())
        {
            return NotFound();
        }

        Input = input;
        var parsed = input.Parse();
        if (!parsed.IsOk)
        {
            Show(parsed.Refusal!);
            return Page();
        }

        var (filter, page, size) = parsed.Value;
        Found = meetings.Find(Viewer, filter, page, size);
        return Page();
    }

    /// <summary>Every meeting the filters find, as .xlsx or .csv.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromQuery] MeetingListInput input, string? format)
    {
        if (!Load())
        {
            return NotFound();
        }

        var parsed = input.Parse();
        if (!parsed.IsOk || MatterExport.FormatOf(format) is not { } chosen)
        {
            return BadRequest();
        }

        IReadOnlyList<string> headers = [M["Meeting.Title"], M["Meeting.Kind"], M["Meeting.When"], M["Meeting.State"]];
        var rows = meetings.All(Viewer, parsed.Value.Filter).Select(m => (IReadOnlyList<object?>)[m.Title, M.Of(m.Kind), Labels.When(m.ScheduledAt), M.Of(m.State)]);
        using var stream = new MemoryStream();
        await ListExport.WriteAsync(stream, chosen, headers, rows);
        return File(stream.ToArray(), ListExport.ContentType(chosen), "meetings-" + Viewer.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ListExport.Extension(chosen));
    }

    /// <summary>The link to another page of the list, or to its export, with the same filters.</summary>
    public string Link(int? page, string? format = null) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/meetings", new Dictionary<string, string?>
    {
        ["handler"] = format is null ? null : "Export", ["format"] = format, ["q"] = Input.Q, ["state"] = Input.State, ["from"] = Input.From, ["to"] = Input.To,
        ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["size"] = format is null ? Input.Size : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

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

        Found = meetings.Find(Viewer, new MeetingFilter(), 1, MatterListInput.DefaultSize);
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
        Principals = meetings.Principals(Viewer);
        MayRecord = MeetingService.MayRecord(Viewer, unit);
        return true;
    }
}

using Fenquan.Core.Calendar;
using Fenquan.Core.CountyChanges;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>
/// R46: the official working-day calendar in force, year by year; a warning for this year or next
/// when its notice is not loaded (those days count Monday to Friday); and a county administrator's
/// proposal of a year, which takes effect when a second county official confirms it.
/// </summary>
public sealed class CalendarModel(CountyDataService data, DbSession session, IStringLocalizer<SharedResource> text) : CountyDataPage(data, text)
{
    [BindProperty]
    public string? Json { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public WorkingCalendar Calendar => _calendar ??= CountyChangeOperations.CalendarInForce(session.Db, Viewer.County);

    private WorkingCalendar? _calendar;

    /// <summary>This year and next, where not loaded: warned to the county administrator.</summary>
    public IReadOnlyList<int> Missing => [.. new[] { Viewer.Today.Year, Viewer.Today.Year + 1 }.Where(y => !Calendar.IsLoaded(y))];

    public void OnGet()
    {
        var next = Missing.Count > 0 ? Missing[0] : Viewer.Today.Year + 1;
        Json ??= new CalendarYear(next, $"国务院办公厅关于{next}年部分节假日安排的通知", [], []).ToJson();
    }

    public Task<IActionResult> OnPostProposeAsync() =>
        ProposeAsync(CountyChangeSubject.WorkingCalendarYear, CalendarYear.FromJson(Json ?? string.Empty).Map(y => y.ToJson()), Summary);
}

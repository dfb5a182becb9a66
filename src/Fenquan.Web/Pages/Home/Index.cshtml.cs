using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Data.Queries;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Home;

/// <summary>
/// The landing page after sign-in: the panels the core's <see cref="HomeView"/> gives the viewer,
/// each read for the county and unit it decided; deputies and staff go on to their workbench.
/// Matter figures are counted by the database (<see cref="HomeQueries"/>), never loaded.
/// </summary>
public sealed class HomeModel(DbSession session, MatterService matters, Clock clock, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    /// <summary>How many rows a list panel shows (the rest behind its link).</summary>
    public const int ListSize = 10;

    public HomeView Home { get; private set; } = null!;

    public BarChart? ByArea { get; private set; }

    public BarChart? ByState { get; private set; }

    public CountedPage<Matter>? Overdue { get; private set; }

    public CountedPage<Matter>? Returned { get; private set; }

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    public int? DecidedThisMonth { get; private set; }

    public IReadOnlyList<RecusalItem> Recusals { get; private set; } = [];

    public int RecusalCount { get; private set; }

    public IReadOnlyList<UnitSetup> Units { get; private set; } = [];

    public IReadOnlyList<AdministrativeChange> Changes { get; private set; } = [];

    /// <summary>The first day of this month (China time), for the "decided this month" panel.</summary>
    public DateOnly MonthStart { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Home = HomeView.Of(Viewer.Asker);
        if (Home.Kind == HomeKind.Workbench)
        {
            return Redirect("/workbench");
        }

        var db = session.Db;
        var cancel = HttpContext.RequestAborted;
        if (Home.Shows(HomePanel.MattersByArea) || Home.Shows(HomePanel.MattersByState))
        {
            var counts = await HomeQueries.MatterCountsAsync(db, Home.County, Home.UnitFor(HomePanel.MattersByArea) ?? Home.UnitFor(HomePanel.MattersByState), cancel);
            ByArea = Home.Shows(HomePanel.MattersByArea) ? Chart("chart-area", Text["Home.ByArea"], counts.GroupBy(c => c.Area), a => Text.Of(a), a => "/matters?area=" + a) : null;
            ByState = Home.Shows(HomePanel.MattersByState) ? Chart("chart-state", Text["Home.ByState"], counts.GroupBy(c => c.State), s => Text.Of(s), s => "/matters?state=" + s) : null;
        }

        if (Home.Shows(HomePanel.OverdueSteps))
        {
            Overdue = await matters.FindAsync(Viewer, new MatterListRequest(MatterFilter.None, Overdue: true, Waiting: false, 1, ListSize));
        }

        if (Home.Shows(HomePanel.ReturnedMatters))
        {
            Returned = await matters.FindAsync(Viewer, new MatterListRequest(MatterFilter.None with { State = MatterState.Returned }, Overdue: false, Waiting: false, 1, ListSize));
        }

        if (Home.Shows(HomePanel.UpcomingMeetings))
        {
            Meetings = HomeQueries.UpcomingMeetings(db, Home.County, Home.UnitFor(HomePanel.UpcomingMeetings), Viewer.Today, ListSize);
        }

        MonthStart = new DateOnly(Viewer.Today.Year, Viewer.Today.Month, 1);
        if (Home.Shows(HomePanel.DecidedThisMonth))
        {
            DecidedThisMonth = await HomeQueries.DecidedSinceAsync(db, Home.County, Home.UnitFor(HomePanel.DecidedThisMonth), clock.EndOf(MonthStart.AddDays(-1)), cancel);
        }

        if (Home.Shows(HomePanel.MeetingRecusals))
        {
            (Recusals, RecusalCount) = await HomeQueries.RecusalsAsync(db, Home.County, Home.UnitFor(HomePanel.MeetingRecusals), ListSize, cancel);
        }

        if (Home.Shows(HomePanel.UnitSetup))
        {
            Units = await HomeQueries.UnitSetupsAsync(db, Home.County, Viewer.Today, cancel);
        }

        if (Home.Shows(HomePanel.RecentChanges))
        {
            Changes = await HomeQueries.RecentChangesAsync(db, Home.County, ListSize, cancel);
        }

        return Page();
    }

    private static BarChart Chart<TKey>(string id, string title, IEnumerable<IGrouping<TKey, MatterCount>> groups, Func<TKey, string> label, Func<TKey, string> href)
        where TKey : struct, Enum =>
        new(id, title, groups.OrderBy(g => g.Key).Select(g => new BarChart.Bar(label(g.Key), g.Sum(c => c.Count), href(g.Key))).ToList());
}

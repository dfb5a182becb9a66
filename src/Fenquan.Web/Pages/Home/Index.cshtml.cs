using System.Globalization;
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
/// Matter figures are counted by the database (<see cref="HomeQueries"/>), never loaded, and kept up
/// to a minute (<see cref="HomeFiguresCache"/>, keyed by the unit the view decided and, for the lists
/// the core filters per viewer, by the viewer); the page says as of when (<see cref="AsOf"/>).
/// </summary>
public sealed class HomeModel(DbSession session, MatterService matters, Clock clock, HomeFiguresCache figures, IStringLocalizer<SharedResource> text) : FenquanPage(text)
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

    /// <summary>When the oldest of the figures shown was read (China time), or null when none is kept.</summary>
    public DateTimeOffset? AsOf { get; private set; }

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
            var unit = Home.UnitFor(HomePanel.MattersByArea) ?? Home.UnitFor(HomePanel.MattersByState);
            var counts = await KeptAsync(HomePanel.MattersByArea, unit, string.Empty, () => HomeQueries.MatterCountsAsync(db, Home.County, unit, cancel));
            ByArea = Home.Shows(HomePanel.MattersByArea) ? Chart("chart-area", Text["Home.ByArea"], counts.GroupBy(c => c.Area), a => Text.Of(a), a => "/matters?area=" + a) : null;
            ByState = Home.Shows(HomePanel.MattersByState) ? Chart("chart-state", Text["Home.ByState"], counts.GroupBy(c => c.State), s => Text.Of(s), s => "/matters?state=" + s) : null;
        }

        if (Home.Shows(HomePanel.OverdueSteps))
        {
            Overdue = await KeptAsync(HomePanel.OverdueSteps, Home.Unit, ViewerKey(), () => matters.FindAsync(Viewer, new MatterListRequest(MatterFilter.None, Overdue: true, Waiting: false, 1, ListSize)));
        }

        if (Home.Shows(HomePanel.ReturnedMatters))
        {
            Returned = await KeptAsync(HomePanel.ReturnedMatters, Home.Unit, ViewerKey(), () => matters.FindAsync(Viewer, new MatterListRequest(MatterFilter.None with { State = MatterState.Returned }, Overdue: false, Waiting: false, 1, ListSize)));
        }

        if (Home.Shows(HomePanel.UpcomingMeetings))
        {
            var unit = Home.UnitFor(HomePanel.UpcomingMeetings);
            Meetings = await KeptAsync(HomePanel.UpcomingMeetings, unit, Viewer.Today.ToString("O", CultureInfo.InvariantCulture),
                () => Task.FromResult(HomeQueries.UpcomingMeetings(db, Home.County, unit, Viewer.Today, ListSize)));
        }

        MonthStart = new DateOnly(Viewer.Today.Year, Viewer.Today.Month, 1);
        if (Home.Shows(HomePanel.DecidedThisMonth))
        {
            var unit = Home.UnitFor(HomePanel.DecidedThisMonth);
            DecidedThisMonth = await KeptAsync(HomePanel.DecidedThisMonth, unit, MonthStart.ToString("O", CultureInfo.InvariantCulture),
                () => HomeQueries.DecidedSinceAsync(db, Home.County, unit, clock.EndOf(MonthStart.AddDays(-1)), cancel));
        }

        if (Home.Shows(HomePanel.MeetingRecusals))
        {
            var unit = Home.UnitFor(HomePanel.MeetingRecusals);
            (Recusals, RecusalCount) = await KeptAsync(HomePanel.MeetingRecusals, unit, string.Empty, () => HomeQueries.RecusalsAsync(db, Home.County, unit, ListSize, cancel));
        }

        if (Home.Shows(HomePanel.UnitSetup))
        {
            Units = await KeptAsync(HomePanel.UnitSetup, null, Viewer.Today.ToString("O", CultureInfo.InvariantCulture), () => HomeQueries.UnitSetupsAsync(db, Home.County, Viewer.Today, cancel));
        }

        if (Home.Shows(HomePanel.RecentChanges))
        {
            Changes = await KeptAsync(HomePanel.RecentChanges, null, string.Empty, () => HomeQueries.RecentChangesAsync(db, Home.County, ListSize, cancel));
        }

        return Page();
    }

    /// <summary>The panel's figures as kept for the county and the unit <see cref="Home"/> decided (read if none is fresh); <see cref="AsOf"/> becomes the oldest.</summary>
    private async Task<T> KeptAsync<T>(HomePanel panel, Core.Primitives.UnitId? unit, string detail, Func<Task<T>> read)
    {
        var kept = await figures.GetOrReadAsync(panel, Home.County, unit, detail, read);
        var readAt = clock.Local(kept.ReadAt);
        AsOf = AsOf is { } asOf && asOf < readAt ? asOf : readAt;
        return kept.Value;
    }

    /// <summary>A list the core filters per viewer (their home's kind, their person) is kept per viewer.</summary>
    private string ViewerKey() => Home.Kind + ":" + Viewer.Person?.Value.ToString("N", CultureInfo.InvariantCulture);

    private static BarChart Chart<TKey>(string id, string title, IEnumerable<IGrouping<TKey, MatterCount>> groups, Func<TKey, string> label, Func<TKey, string> href)
        where TKey : struct, Enum =>
        new(id, title, groups.OrderBy(g => g.Key).Select(g => new BarChart.Bar(label(g.Key), g.Sum(c => c.Count), href(g.Key))).ToList());
}

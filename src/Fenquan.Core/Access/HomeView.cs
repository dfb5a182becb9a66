using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Which home page an asker lands on after sign-in, and which panels it shows, over which data
/// (R1): a principal sees their unit at a glance, the discipline member what went wrong in it, the
/// county administrator the county's units and its recent administrative changes; deputies and
/// staff keep the workbench. The panels read only <see cref="County"/> and <see cref="Unit"/> as
/// decided here, never a unit from the request, so another unit's data cannot show. Precedence
/// is explicit: principal, then discipline member, then county administrator, else the workbench.
/// Fails closed: nobody of a unit today and no county administrator gets the workbench, no panel.
/// </summary>
public sealed record HomeView(HomeKind Kind, CountyId County, UnitId? Unit, IReadOnlyList<HomePanel> Panels)
{
    private static readonly HomePanel[] PrincipalPanels =
        [HomePanel.MattersByArea, HomePanel.MattersByState, HomePanel.OverdueSteps, HomePanel.UpcomingMeetings, HomePanel.DecidedThisMonth];

    private static readonly HomePanel[] DisciplinePanels =
        [HomePanel.OverdueSteps, HomePanel.ReturnedMatters, HomePanel.MeetingRecusals];

    private static readonly HomePanel[] CountyPanels =
        [HomePanel.UnitSetup, HomePanel.RecentChanges];

    /// <summary>
    /// The ledger subjects that are administrative changes (the county's units, people, teams,
    /// portfolios, policies and settings), shown to the county administrator as recent changes;
    /// matters, meetings and the rest are the units' business, not the administrator's.
    /// </summary>
    public static IReadOnlyList<string> AdministrativeSubjects { get; } =
    [
        "County", "Unit", "Person", "Membership", "Section", "PortfolioAssignment", "PolicyVersion", "PolicyProposal",
        "CountyChange", "CountyDecisionRules", "AdministratorGrant", "OrganizationImport", "CountySetting",
    ];

    /// <summary>The home of the asker today.</summary>
    public static HomeView Of(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (asker.Person is not null && asker.Unit is { } unit)
        {
            if (asker.Holds(Role.Principal))
            {
                return new HomeView(HomeKind.Principal, asker.County, unit, PrincipalPanels);
            }

            if (asker.Holds(Role.DisciplineMember))
            {
                return new HomeView(HomeKind.Discipline, asker.County, unit, DisciplinePanels);
            }
        }

        return asker.IsCountyAdministrator
            ? new HomeView(HomeKind.CountyAdministrator, asker.County, null, CountyPanels)
            : new HomeView(HomeKind.Workbench, asker.County, null, []);
    }

    /// <summary>Whether this home shows the panel (the check every panel's data passes before it is read).</summary>
    public bool Shows(HomePanel panel) => Panels.Contains(panel);

    /// <summary>The unit a unit panel reads; a panel this home does not show reads nothing.</summary>
    public UnitId? UnitFor(HomePanel panel) => Shows(panel) ? Unit : null;
}

/// <summary>Whose home an asker gets (<see cref="HomeView"/>).</summary>
public enum HomeKind
{
    /// <summary>Deputies, staff and anyone else: the workbench (my tasks) is home.</summary>
    Workbench,

    Principal,

    Discipline,

    CountyAdministrator,
}

/// <summary>A panel of a home page; a grid that later work adds panels to (red flags, supervision).</summary>
public enum HomePanel
{
    /// <summary>The unit's matters by area (a bar chart).</summary>
    MattersByArea,

    /// <summary>The unit's matters by state (a bar chart).</summary>
    MattersByState,

    /// <summary>Matters whose current step is past its time limit (R46).</summary>
    OverdueSteps,

    /// <summary>The unit's scheduled meetings from today on.</summary>
    UpcomingMeetings,

    /// <summary>Matters approved or rejected this month (China time).</summary>
    DecidedThisMonth,

    /// <summary>Matters returned to their initiators.</summary>
    ReturnedMatters,

    /// <summary>Members recused from meeting items (R43).</summary>
    MeetingRecusals,

    /// <summary>Each unit's setup: portfolios of the five areas assigned to deputies (R2, R3), policy in force (R40).</summary>
    UnitSetup,

    /// <summary>The county's latest ledgered administrative changes (<see cref="HomeView.AdministrativeSubjects"/>).</summary>
    RecentChanges,
}

using Fenquan.Core.Access;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Access;

public class HomeViewTests
{
    private static readonly CountyId County = CountyId.New();
    private static readonly UnitId Unit = UnitId.New();
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Asker Member(params Role[] roles) =>
        new() { County = County, Person = PersonId.New(), Unit = Unit, Roles = roles, Today = Today };

    [Fact]
    [Trait("Rule", "R1")]
    public void Principal_GetsTheUnitAtAGlance_OfTheirOwnUnit()
    {
        var home = HomeView.Of(Member(Role.Principal));

        Assert.Equal(HomeKind.Principal, home.Kind);
        Assert.Equal(Unit, home.UnitFor(HomePanel.MattersByArea));
        Assert.Equal(Unit, home.UnitFor(HomePanel.OverdueSteps));
        Assert.Equal(Unit, home.UnitFor(HomePanel.DecidedThisMonth));
        Assert.Null(home.UnitFor(HomePanel.MeetingRecusals));
        Assert.False(home.Shows(HomePanel.UnitSetup));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void DisciplineMember_GetsOverdueReturnedAndRecusals_NoCharts()
    {
        var home = HomeView.Of(Member(Role.DisciplineMember));

        Assert.Equal(HomeKind.Discipline, home.Kind);
        Assert.Equal([HomePanel.OverdueSteps, HomePanel.ReturnedMatters, HomePanel.MeetingRecusals], home.Panels);
        Assert.Null(home.UnitFor(HomePanel.MattersByArea));
    }

    [Fact]
    public void CountyAdministrator_WithoutAUnit_GetsTheCountysUnitsAndChanges_NoUnitData()
    {
        var home = HomeView.Of(new Asker { County = County, IsCountyAdministrator = true, Today = Today });

        Assert.Equal(HomeKind.CountyAdministrator, home.Kind);
        Assert.Equal([HomePanel.UnitSetup, HomePanel.RecentChanges], home.Panels);
        Assert.Null(home.Unit);
        Assert.All(Enum.GetValues<HomePanel>(), panel => Assert.Null(home.UnitFor(panel)));
    }

    [Theory]
    [InlineData(Role.Deputy)]
    [InlineData(Role.Staff)]
    [InlineData(Role.SectionHead)]
    [InlineData(Role.OfficeReviewer)]
    [InlineData(Role.FinanceStaff)]
    public void DeputiesAndStaff_KeepTheWorkbench_WithNoPanel(Role role)
    {
        var home = HomeView.Of(Member(role));

        Assert.Equal(HomeKind.Workbench, home.Kind);
        Assert.Empty(home.Panels);
        Assert.All(Enum.GetValues<HomePanel>(), panel => Assert.Null(home.UnitFor(panel)));
    }

    [Fact]
    public void PrincipalWhoIsAlsoCountyAdministrator_GetsThePrincipalsHome()
    {
        var home = HomeView.Of(Member(Role.Principal) with { IsCountyAdministrator = true });

        Assert.Equal(HomeKind.Principal, home.Kind);
    }

    [Fact]
    public void Nobody_FailsClosed_ToTheWorkbench()
    {
        var principalWithoutUnit = new Asker { County = County, Person = PersonId.New(), Roles = [Role.Principal], Today = Today };

        Assert.Equal(HomeKind.Workbench, HomeView.Of(principalWithoutUnit).Kind);
        Assert.Equal(HomeKind.Workbench, HomeView.Of(new Asker { County = County, Today = Today }).Kind);
    }
}

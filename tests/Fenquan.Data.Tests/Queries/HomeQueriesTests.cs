using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Queries;

// The home pages' panels on SQLite and PostgreSQL: each reads only the county and unit the core's HomeView gives the viewer.
public class HomeQueriesTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static SubmitMatter Expense(CountyId county, UnitId unit, PersonId initiator, string name, decimal amount) =>
        new(county, unit, MatterKind.Expense, "差旅费报销", amount, Payee.Person(initiator, name), initiator, InitiatorKind.Staff, MatterFlags.None, MatterDate);

    private static Asker AskerOf(TestCounty county, string name, Role role) =>
        new() { County = county.County, Person = county[name], Unit = county.Unit, Roles = [role], Today = MatterDate };

    /// <summary>城关镇 with one approved and one pending expense, and 桃源乡 (no portfolios) with a pending expense of its own.</summary>
    private static async Task<(TestCounty County, UnitId Other)> TwoUnitsAsync(TestDatabase database)
    {
        var county = await TestCounty.CreateAsync(database);
        var approved = (await county.Matters.SubmitAsync(Expense(county.County, county.Unit, county["周杰"], "周杰", 1_000m))).Value;
        Assert.True((await county.Matters.ActAsync(county.County, approved.Id, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        Assert.True((await county.Matters.ActAsync(county.County, approved.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"))).IsOk);
        Assert.True((await county.Matters.SubmitAsync(Expense(county.County, county.Unit, county["周杰"], "周杰", 2_000m))).IsOk);

        var other = (await county.Organization.AddUnitAsync(county.County, "桃源乡", UnitKind.Township)).Value.Id;
        var clerk = (await county.Organization.AddPersonAsync(county.County, "孙丽")).Value.Id;
        Assert.True((await county.Organization.AddMembershipAsync(county.County, other, clerk, Role.Staff, TestCounty.Start)).IsOk);
        var policy = DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: TestCounty.Start);
        Assert.True((await county.Policies.SeedFirstVersionAsync(county.County, other, policy)).IsOk);
        var theirs = await county.Matters.SubmitAsync(Expense(county.County, other, clerk, "孙丽", 500m));
        Assert.True(theirs.IsOk, theirs.ToString());
        return (county, other);
    }

    [Theory]
    [Trait("Rule", "R1")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PrincipalsHome_CountsTheirUnitsMattersByAreaAndState_AndNothingOfAnotherUnit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _) = await TwoUnitsAsync(database);
        var home = HomeView.Of(AskerOf(county, "王建国", Role.Principal));

        await using var db = database.Context();
        var counts = await HomeQueries.MatterCountsAsync(db, home.County, home.UnitFor(HomePanel.MattersByArea));

        Assert.Equal(HomeKind.Principal, home.Kind);
        Assert.Equal(
            [new MatterCount(Area.Finance, MatterState.Pending, 1), new MatterCount(Area.Finance, MatterState.Approved, 1)],
            counts.OrderBy(c => c.State).ToList());
        var monthStart = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await HomeQueries.DecidedSinceAsync(db, home.County, home.UnitFor(HomePanel.DecidedThisMonth), monthStart));
        Assert.Equal(0, await HomeQueries.DecidedSinceAsync(db, home.County, home.UnitFor(HomePanel.DecidedThisMonth), monthStart.AddMonths(1)));
    }

    [Theory]
    [Trait("Rule", "R1")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisciplineMembersHome_ReadsNoCharts_AndTheirUnitsRecusalsOnly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _) = await TwoUnitsAsync(database);
        var home = HomeView.Of(AskerOf(county, "郑洁", Role.DisciplineMember));

        await using var db = database.Context();

        Assert.Equal(HomeKind.Discipline, home.Kind);
        Assert.Empty(await HomeQueries.MatterCountsAsync(db, home.County, home.UnitFor(HomePanel.MattersByArea)));
        Assert.Equal(0, await HomeQueries.DecidedSinceAsync(db, home.County, home.UnitFor(HomePanel.DecidedThisMonth), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var (latest, total) = await HomeQueries.RecusalsAsync(db, home.County, home.UnitFor(HomePanel.MeetingRecusals), 10);
        Assert.Empty(latest);
        Assert.Equal(0, total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CountyAdministratorsHome_ShowsEachUnitsSetup_AndTheLatestAdministrativeChangesOnly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, other) = await TwoUnitsAsync(database);
        var home = HomeView.Of(new Asker { County = county.County, IsCountyAdministrator = true, Today = MatterDate });

        await using var db = database.Context();
        var setups = await HomeQueries.UnitSetupsAsync(db, home.County, MatterDate);
        var changes = await HomeQueries.RecentChangesAsync(db, home.County, 5);

        Assert.Equal(HomeKind.CountyAdministrator, home.Kind);
        Assert.Null(home.UnitFor(HomePanel.MattersByArea));
        var mine = Assert.Single(setups, s => s.Unit == county.Unit);
        Assert.True(mine.IsReady);
        Assert.Equal(UnitSetup.FiveAreas, mine.Covered);
        Assert.Equal(1, mine.PolicyNumber);
        var theirs = Assert.Single(setups, s => s.Unit == other);
        Assert.False(theirs.IsReady);
        Assert.Equal(UnitSetup.FiveAreas, theirs.Missing);
        Assert.Equal(1, theirs.PolicyNumber);

        Assert.Equal(5, changes.Count);
        Assert.Equal(changes.OrderByDescending(c => c.Sequence).Select(c => c.Sequence), changes.Select(c => c.Sequence));
        Assert.All(changes, c => Assert.Contains(c.SubjectType, HomeView.AdministrativeSubjects));
        // The newest: 桃源乡's policy, after its clerk's membership; its matter is no administrative change.
        Assert.Equal("PolicyVersion", changes[0].SubjectType);
        Assert.Contains(changes, c => c.Kind == "membership.added");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherCountysAdministrator_SeesNoneOfThisCountysUnitsOrChanges(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoUnitsAsync(database);
        var home = HomeView.Of(new Asker { County = CountyId.New(), IsCountyAdministrator = true, Today = MatterDate });

        await using var db = database.Context();

        Assert.Empty(await HomeQueries.UnitSetupsAsync(db, home.County, MatterDate));
        Assert.Empty(await HomeQueries.RecentChangesAsync(db, home.County, 5));
    }
}

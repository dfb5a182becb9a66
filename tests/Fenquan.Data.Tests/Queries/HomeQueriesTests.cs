using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Queries;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

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
    [Trait("Rule", "R1")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpcomingMeetings_AreTheUnitsScheduledOnesFromTheDay_SoonestFirst_Limited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, other) = await TwoUnitsAsync(database);
        var meetings = new MeetingOperations(database.Writer);
        var ids = new Dictionary<int, MeetingId>();
        foreach (var day in new[] { 9, 3, 12, 5, 7 })
        {
            var at = new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.FromHours(8));
            var scheduled = await meetings.ScheduleAsync(new ScheduleMeeting(county.County, county.Unit, MeetingKind.PartyCommittee, $"3月{day}日党委会", at, county["王建国"]), county["赵敏"]);
            Assert.True(scheduled.IsOk, scheduled.ToString());
            ids[day] = scheduled.Value.Id;
        }

        Assert.True((await meetings.CancelAsync(county.County, ids[7], "改期", county["赵敏"])).IsOk);
        await using var db = database.Context();
        var home = HomeView.Of(AskerOf(county, "王建国", Role.Principal));

        // From 5 March: the 3rd is past, the 7th cancelled; the two soonest of the 5th, 9th and 12th.
        var upcoming = HomeQueries.UpcomingMeetings(db, home.County, home.UnitFor(HomePanel.UpcomingMeetings), new DateOnly(2026, 3, 5), 2);

        Assert.Equal([ids[5], ids[9]], upcoming.Select(m => m.Id).ToList());
        Assert.Empty(HomeQueries.UpcomingMeetings(db, home.County, other, new DateOnly(2026, 3, 1), 10));
        Assert.Empty(HomeQueries.UpcomingMeetings(db, home.County, HomeView.Of(AskerOf(county, "郑洁", Role.DisciplineMember)).UnitFor(HomePanel.UpcomingMeetings), new DateOnly(2026, 3, 1), 10));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecentChanges_AreTheCountysNewestAdministrativeEntries_LimitedAndNeverAnotherCountys(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _) = await TwoUnitsAsync(database);
        // Matters between administrative changes, so the newest entries are not all administrative.
        for (var i = 0; i < 3; i++)
        {
            await county.AddPersonAsync("新同事" + i, Role.Staff);
            Assert.True((await county.Matters.SubmitAsync(Expense(county.County, county.Unit, county["周杰"], "周杰", 100m + i))).IsOk);
        }

        // Another county written after, with far more entries: its sequences pass this county's.
        var another = await TestCounty.CreateAsync(database);
        await using var db = database.Context();
        var ours = await db.LedgerEntries.Where(e => e.CountyId == county.County.Value).MaxAsync(e => e.Sequence);
        for (var i = 0; await db.LedgerEntries.Where(e => e.CountyId == another.County.Value).MaxAsync(e => e.Sequence) <= ours + 2; i++)
        {
            await another.AddPersonAsync("外县" + i, Role.Staff);
        }

        var changes = await HomeQueries.RecentChangesAsync(db, county.County, 10);

        var expected = (await db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value).Select(e => e.Bytes).ToListAsync())
            .Select(bytes => Core.Ledger.LedgerEntry.Parse(bytes))
            .Where(e => HomeView.AdministrativeSubjects.Contains(e.SubjectType))
            .OrderByDescending(e => e.Sequence)
            .Take(10)
            .Select(e => new AdministrativeChange(e.Sequence, e.At, e.Kind, e.SubjectType))
            .ToList();
        Assert.Equal(10, changes.Count);
        Assert.Equal(expected, changes);
        Assert.Equal("Membership", changes[0].SubjectType);
        var theirs = await HomeQueries.RecentChangesAsync(db, another.County, 10);
        Assert.True(theirs[0].Sequence > changes[0].Sequence, "the other county's newest change is later in its own ledger");
        Assert.DoesNotContain(theirs[0], changes);
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

using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Ledger;

// The writer keeps each unit's organisation view and policy versions across units and batches.
// A kept view must never outlive a change: an action is always checked against the organisation
// as it is stored at that point in the ledger's order (R44's total order).
public class WriteCacheTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static SubmitMatter Expense(TestCounty county) =>
        new(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 1_200m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMembershipAddedAfterTheViewWasKept_IsSeenByTheNextAction(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value;
        var newcomer = (await county.Organization.AddPersonAsync(county.County, "孙丽")).Value.Id;

        // The view is loaded (and kept) while 孙丽 holds no role: her review is refused.
        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review));
        Assert.False(refused.IsOk);

        Assert.True((await county.Organization.AddMembershipAsync(county.County, county.Unit, newcomer, Role.OfficeReviewer, TestCounty.Start)).IsOk);
        var reviewed = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review));

        Assert.True(reviewed.IsOk, reviewed.ToString());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMembershipAndAnActionQueuedTogether_TheActionSeesTheMembership(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value;
        var newcomer = (await county.Organization.AddPersonAsync(county.County, "孙丽")).Value.Id;
        Assert.False((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review))).IsOk);

        // Queued back to back, so they usually share a batch: the view is dropped as soon as the membership is added.
        var added = county.Organization.AddMembershipAsync(county.County, county.Unit, newcomer, Role.OfficeReviewer, TestCounty.Start);
        var reviewed = county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review));

        Assert.True((await added).IsOk);
        Assert.True((await reviewed).IsOk, (await reviewed).ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMembershipAddedByAnotherWriter_IsSeenByTheNextAction(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value;
        var newcomer = (await county.Organization.AddPersonAsync(county.County, "孙丽")).Value.Id;
        Assert.False((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review))).IsOk);

        // Another process (a second writer on the same database) changes the team.
        await using (var second = new LedgerWriter(database.Settings, database.Signer, database.Time))
        {
            Assert.True((await new OrganizationOperations(second).AddMembershipAsync(county.County, county.Unit, newcomer, Role.OfficeReviewer, TestCounty.Start)).IsOk);
        }

        var reviewed = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(newcomer, ActionKind.Review));

        Assert.True(reviewed.IsOk, reviewed.ToString());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    // The writer keeps the matters it acts on. A kept matter must never outlive a change made to it
    // through another instance: a stale copy would still wait for the review and refuse the approval (R7).
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMatterChangedThroughAnotherInstance_IsReadAgainByTheNextAction(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value; // kept by the writer

        var reviewed = await database.Writer.ExecuteAsync(county.County, "matter.review", ctx =>
        {
            var other = MatterOperations.Load(ctx.Db, county.County, matter.Id)!; // not the kept instance
            return other.Act(new ActRequest(county["赵敏"], ActionKind.Review), ctx.UnitView(county.Unit), ctx.Now);
        });
        Assert.True(reviewed.IsOk, reviewed.ToString());
        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve));

        Assert.True(approved.IsOk, approved.ToString());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMatterActedOnByAnotherWriter_IsReadAgainByTheNextAction(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value;
        await using (var second = new LedgerWriter(database.Settings, database.Signer, database.Time))
        {
            var reviewed = await new MatterOperations(second).ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review));
            Assert.True(reviewed.IsOk, reviewed.ToString());
        }

        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve));

        Assert.True(approved.IsOk, approved.ToString());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AKeptMatter_AfterARefusedAction_TakesTheNextOne(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county))).Value;

        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["王建国"], ActionKind.Review));
        var reviewed = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review));
        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve));

        Assert.False(refused.IsOk);
        Assert.True(reviewed.IsOk, reviewed.ToString());
        Assert.True(approved.IsOk, approved.ToString());
        await using var db = database.Context();
        Assert.Equal(2, db.MatterActions.Count(a => a.MatterId == matter.Id));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APolicyPublishedAfterTheVersionsWereKept_RoutesTheNextSubmission(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database, smallLimit: 3_000m);
        var before = (await county.Matters.SubmitAsync(Expense(county) with { Amount = 3_500m })).Value;

        // A new version raises the small-expense limit to 4,000 from the matter date: 3,500 now routes office → deputy.
        var policy = DefaultPolicy.Create(new UnitLimits(4_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: MatterDate);
        await PolicyFlow.PublishAsync(county, policy);
        var after = (await county.Matters.SubmitAsync(Expense(county) with { Amount = 3_500m })).Value;

        Assert.NotEqual(before.Route.ToString(), after.Route.ToString());
        Assert.Equal("Review(Office) → Approve(DeputyInCharge)", after.Route.ToString());
        Assert.NotEqual(before.PolicyVersionId, after.PolicyVersionId);
    }

    [Fact]
    public void OnlyOrganisationAndPolicyRowsDropTheKeptViews()
    {
        Assert.True(WriteCache.InvalidatedBy(typeof(Membership)));
        Assert.True(WriteCache.InvalidatedBy(typeof(PortfolioAssignment)));
        Assert.True(WriteCache.InvalidatedBy(typeof(Person)));
        Assert.True(WriteCache.InvalidatedBy(typeof(PolicyVersion)));
        Assert.False(WriteCache.InvalidatedBy(typeof(Matter)));
        Assert.False(WriteCache.InvalidatedBy(typeof(MatterAction)));
    }
}

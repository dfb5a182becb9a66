using Fenquan.Core.CountyChanges;
using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// R40 on SQLite and PostgreSQL: a unit's new policy version is proposed, agreed in a meeting,
// approved by two county officials — each step ledgered — and only then routes matters.
public class PolicyOperationsTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static PolicyDocument HigherSmallLimit => DefaultPolicy.Create(new UnitLimits(4_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: MatterDate);

    private static SubmitMatter Expense(TestCounty county) =>
        new(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 3_500m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryStep_IsLedgered_AndOnlyTheApprovedVersionRoutes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database, smallLimit: 3_000m);
        var inspector = await PolicyFlow.NameDisciplineInspectionAsync(county);

        var proposal = await PolicyFlow.ProposeAsync(county, HigherSmallLimit);
        var whileProposed = (await county.Matters.SubmitAsync(Expense(county))).Value;
        var meeting = await PolicyFlow.AgreeInMeetingAsync(county, proposal);
        Assert.True((await county.Policies.RecordAgreementAsync(county.County, proposal.Id, meeting.Id)).IsOk);
        var first = await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, PolicyFlow.First, null, PolicyFlow.Today(county));
        Assert.True(first.IsOk, first.ToString());
        var whileApprovedOnce = (await county.Matters.SubmitAsync(Expense(county))).Value;
        var second = await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, PolicyFlow.Second, null, PolicyFlow.Today(county));
        Assert.True(second.IsOk, second.ToString());
        var afterApproval = (await county.Matters.SubmitAsync(Expense(county))).Value;

        // The old version (3,000 small limit) routes 3,500 with a countersign until the county's second approval.
        Assert.Contains(whileProposed.Route.Steps, s => s.Kind == StepKind.Countersign);
        Assert.Equal(whileProposed.PolicyVersionId, whileApprovedOnce.PolicyVersionId);
        Assert.Equal("Review(Office) → Approve(DeputyInCharge)", afterApproval.Route.ToString());
        Assert.Equal(second.Value.Version!.Id, afterApproval.PolicyVersionId);

        await using var db = database.Context();
        var inForce = PolicyOperations.InForce(db, county.County, county.Unit, MatterDate);
        Assert.Equal(2, inForce.Value.Version.Number);
        Assert.Equal(proposal.Id, inForce.Value.Version.ProposalId);
        Assert.Equal(PolicyProposalState.Approved, PolicyOperations.FindProposal(db, county.County, proposal.Id)!.State);
        var kinds = await db.LedgerEntries.Where(e => e.CountyId == county.County.Value).Select(e => e.Kind).Distinct().ToListAsync();
        Assert.Contains("policy.proposed", kinds);
        Assert.Contains("meeting.policy_item_added", kinds);
        Assert.Contains("meeting.policy_item_approved", kinds);
        Assert.Contains("policy.agreed", kinds);
        Assert.Contains("policy.county_approved", kinds);
        Assert.Equal(3, await db.LedgerEntries.CountAsync(e => e.SubjectType == nameof(PolicyProposalStep)));
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.SubjectType == nameof(PolicyProposal) && e.SubjectId == proposal.Id.Value));
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.SubjectType == nameof(CountyChange) && e.Kind == "policy.county_approved"));
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.SubjectType == nameof(PolicyVersion) && e.SubjectId == second.Value.Version.Id.Value));
        var told = await db.Set<Notification>().Where(n => n.RecipientId == inspector).Select(n => n.Kind).ToListAsync();
        Assert.Equal([NotificationKind.CountyChangeProposed, NotificationKind.CountyChangeConfirmed], told.Order());
        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact, string.Join("\n", audit.Counties.SelectMany(c => c.Rows.Select(r => r.Message).Concat(c.Ledger.Problems.Select(p => p.Message)))));
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheSameCountyOfficialTwice_IsRefused_AndNothingIsPublished(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await PolicyFlow.NameDisciplineInspectionAsync(county);
        var proposal = await PolicyFlow.ProposeAsync(county, HigherSmallLimit);
        var meeting = await PolicyFlow.AgreeInMeetingAsync(county, proposal);
        Assert.True((await county.Policies.RecordAgreementAsync(county.County, proposal.Id, meeting.Id)).IsOk);
        Assert.True((await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, PolicyFlow.First, null, PolicyFlow.Today(county))).IsOk);
        await using var before = database.Context();
        var entriesBefore = await before.LedgerEntries.CountAsync();

        var again = await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, PolicyFlow.First, null, PolicyFlow.Today(county));

        Assert.Equal("R40.ProposerCannotConfirm", again.Refusal!.Key);
        await using var after = database.Context();
        Assert.Equal(entriesBefore, await after.LedgerEntries.CountAsync());
        Assert.Equal(1, await after.PolicyVersions.CountAsync());
        Assert.Equal(1, PolicyOperations.InForce(after, county.County, county.Unit, MatterDate).Value.Version.Number);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AProposalWithdrawnOrSuperseded_AfterTheFirstCountyApproval_LeavesNoPendingCountyChange(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await PolicyFlow.NameDisciplineInspectionAsync(county);

        async Task<PolicyProposal> ApprovedOnceAsync()
        {
            var proposal = await PolicyFlow.ProposeAsync(county, HigherSmallLimit);
            var meeting = await PolicyFlow.AgreeInMeetingAsync(county, proposal);
            Assert.True((await county.Policies.RecordAgreementAsync(county.County, proposal.Id, meeting.Id)).IsOk);
            Assert.True((await county.Policies.ApproveAtCountyAsync(county.County, proposal.Id, PolicyFlow.First, null, PolicyFlow.Today(county))).IsOk);
            return proposal;
        }

        async Task<CountyChangeState> StateOfItsCountyChangeAsync(PolicyProposal proposal)
        {
            await using var db = database.Context();
            return (await db.Set<CountyChange>().SingleAsync(c => c.SubjectId == proposal.Id.Value)).State;
        }

        var withdrawn = await ApprovedOnceAsync();
        Assert.Equal(CountyChangeState.Pending, await StateOfItsCountyChangeAsync(withdrawn));
        var withdrawal = await county.Policies.WithdrawAsync(county.County, withdrawn.Id, new PolicyProposer(county["赵敏"], IsUnitAdministrator: true), "限额另行研究", PolicyFlow.Today(county));
        Assert.True(withdrawal.IsOk, withdrawal.ToString());
        Assert.Equal(CountyChangeState.Withdrawn, await StateOfItsCountyChangeAsync(withdrawn));

        var superseded = await ApprovedOnceAsync();
        await PolicyFlow.ProposeAsync(county, HigherSmallLimit, "再次调整小额支出限额");
        Assert.Equal(CountyChangeState.Withdrawn, await StateOfItsCountyChangeAsync(superseded));

        // Nothing was published, and the second official has nothing left to confirm.
        var late = await county.Policies.ApproveAtCountyAsync(county.County, superseded.Id, PolicyFlow.Second, null, PolicyFlow.Today(county));
        Assert.Equal("R40.ProposalSuperseded", late.Refusal?.Key);
        await using var after = database.Context();
        Assert.Equal(1, await after.PolicyVersions.CountAsync());
        Assert.DoesNotContain(await after.Set<CountyChange>().Where(c => c.CountyId == county.County).ToListAsync(), c => c.State == CountyChangeState.Pending);
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MinutesNotSignedByAll_DoNotCountAsTheTeamsAgreement(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var proposal = await PolicyFlow.ProposeAsync(county, HigherSmallLimit);
        var meeting = await PolicyFlow.AgreeInMeetingAsync(county, proposal, sign: false);

        var refused = await county.Policies.RecordAgreementAsync(county.County, proposal.Id, meeting.Id);

        Assert.Equal("R43.MinutesNotFinal", refused.Refusal!.Key);
        await using var db = database.Context();
        Assert.Equal(PolicyProposalState.Proposed, PolicyOperations.FindProposal(db, county.County, proposal.Id)!.State);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheBootstrap_SeedsOnlyAUnitsFirstVersion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var refused = await county.Policies.SeedFirstVersionAsync(county.County, county.Unit, HigherSmallLimit);

        Assert.Equal("R40.BootstrapOnlyFirst", refused.Refusal!.Key);
    }
}

using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// The same flows on SQLite and PostgreSQL: submit, act, refuse, edit — each ledgered.
public class MatterOperationsTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static SubmitMatter Expense(TestCounty county, decimal amount, string initiator = "周杰", InitiatorKind kind = InitiatorKind.Staff) =>
        new(county.County, county.Unit, MatterKind.Expense, "差旅费报销", amount, Payee.Person(county[initiator], initiator), county[initiator], kind, MatterFlags.None, MatterDate);

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SmallExpense_OfficeReviewsThenFinanceDeputyApproves_AndTheLedgerVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var matter = (await county.Matters.SubmitAsync(Expense(county, 3_000.00m))).Value;
        Assert.Equal("Review(Office) → Approve(DeputyInCharge)", matter.Route.ToString());
        Assert.True((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"));

        Assert.True(approved.IsOk, approved.ToString());
        await using var db = database.Context();
        var stored = await db.Matters.Include(m => m.Actions).SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(MatterState.Approved, stored.State);
        Assert.Equal(2, stored.Actions.Count);
        Assert.Equal(matter.Route, stored.Route);
        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact, string.Join("\n", audit.Counties.SelectMany(c => c.Rows.Select(r => r.Message).Concat(c.Ledger.Problems.Select(p => p.Message)))));
    }

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approve_PrincipalOnFinanceMatter_IsRefusedNamingTheRule_AndNothingChanges(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county, 1_200m))).Value;
        await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review));
        await using var before = database.Context();
        var entriesBefore = await before.LedgerEntries.CountAsync();

        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["王建国"], ActionKind.Approve, "同意"));

        Assert.False(refused.IsOk);
        Assert.Equal("R4", refused.Refusal!.RuleId);
        Assert.Contains("五不直接分管", refused.Refusal.Reason, StringComparison.Ordinal);
        await using var after = database.Context();
        Assert.Equal(entriesBefore, await after.LedgerEntries.CountAsync());
        Assert.Equal(MatterState.Pending, (await after.Matters.SingleAsync(m => m.Id == matter.Id)).State);
    }

    [Theory]
    [Trait("Rule", "R5")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpenseAboveTheCollectiveLimit_RoutesToACollectiveDecision(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var matter = (await county.Matters.SubmitAsync(Expense(county, 5_000.01m))).Value;

        Assert.Contains(matter.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);
    }

    [Theory]
    [Trait("Rule", "R6")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeputysOwnExpense_RoutesToAPrincipal(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var matter = (await county.Matters.SubmitAsync(Expense(county, 800m, "张伟", InitiatorKind.Deputy))).Value;
        await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review));
        var ownApproval = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve));
        var principal = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["王建国"], ActionKind.Approve));

        Assert.Equal("Review(Office) → Approve(Principal)", matter.Route.ToString());
        Assert.Equal("R6", ownApproval.Refusal!.RuleId);
        Assert.True(principal.IsOk, principal.ToString());
    }

    [Theory]
    [Trait("Rule", "R42")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApprovedExpenseEditedUpwards_GoesBackThroughApproval_UnderItsFrozenPolicy(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = (await county.Matters.SubmitAsync(Expense(county, 2_800m))).Value;
        await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review));
        await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["张伟"], ActionKind.Approve));

        var edited = await county.Matters.EditAsync(county.County, matter.Id, new EditMatter(county["周杰"], NewAmount: 3_500m));

        Assert.True(edited.IsOk, edited.ToString());
        await using var db = database.Context();
        var stored = await db.Matters.SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(MatterState.Pending, stored.State);
        Assert.Equal(2, stored.Round);
        Assert.Contains(stored.Route.Steps, s => s.Kind == StepKind.Countersign); // 3,500 > S = 3,000 under the frozen policy
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PolicyWithAGap_IsNotPublished_AndNamesTheFirstUnroutedAmount(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var policy = DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: TestCounty.Start);
        var gapped = policy with { Rules = [.. policy.Rules.Where(r => !(r.Area == Area.Finance && r.Kind == MatterKind.Expense && r.Route.Steps.Any(s => s.Kind == StepKind.Countersign)))] };

        var refused = await county.Policies.ProposeAsync(county.County, county.Unit, new PolicyProposer(county["赵敏"], IsUnitAdministrator: true), "删去一档路由", gapped, PolicyFlow.Today(county));

        Assert.False(refused.IsOk);
        Assert.Equal("R40", refused.Refusal!.RuleId);
        Assert.Contains("3000.01", refused.Refusal.Reason.Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        await using var db = database.Context();
        Assert.Equal(1, await db.PolicyVersions.CountAsync());
        Assert.Equal(0, await db.Set<PolicyProposal>().CountAsync());
    }

    [Theory]
    [Trait("Rule", "R41")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewPolicyVersion_DoesNotRewireMattersInFlight(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database, smallLimit: 3_000m);
        var inFlight = (await county.Matters.SubmitAsync(Expense(county, 4_000m))).Value;

        var lower = DefaultPolicy.Create(new UnitLimits(5_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: MatterDate);
        await PolicyFlow.PublishAsync(county, lower);
        var later = (await county.Matters.SubmitAsync(Expense(county, 4_000m))).Value;

        await using var db = database.Context();
        var stored = await db.Matters.SingleAsync(m => m.Id == inFlight.Id);
        Assert.Contains(stored.Route.Steps, s => s.Kind == StepKind.Countersign);
        Assert.DoesNotContain(later.Route.Steps, s => s.Kind == StepKind.Countersign);
        Assert.NotEqual(stored.PolicyVersionId, later.PolicyVersionId);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMatterDatedBeforeANewPolicy_TakesThePolicyOfTheDayOfSubmission(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database, smallLimit: 3_000m);

        // A new version in force from today (a past date is refused at proposal); the expense was incurred ten days ago.
        var incurred = MatterDate.AddDays(-10);
        var lower = DefaultPolicy.Create(new UnitLimits(5_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: PolicyFlow.Today(county));
        var version = await PolicyFlow.PublishAsync(county, lower);
        Assert.True(version.EffectiveFrom > incurred);

        // Dated before it, submitted after it: the policy of the day of submission routes it.
        var matter = (await county.Matters.SubmitAsync(Expense(county, 4_000m) with { OccurredOn = incurred })).Value;
        Assert.Equal((version.Id, incurred), (matter.PolicyVersionId, matter.OccurredOn));
        Assert.True(matter.SubmittedOn >= version.EffectiveFrom);
        Assert.DoesNotContain(matter.Route.Steps, s => s.Kind == StepKind.Countersign);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownMatter_IsNotFound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var result = await county.Matters.ActAsync(county.County, Core.Primitives.MatterId.New(), new ActRequest(county["赵敏"], ActionKind.Review));

        Assert.True(result.Refusal!.IsNotFound);
    }
}

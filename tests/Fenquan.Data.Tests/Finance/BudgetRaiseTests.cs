using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// Raising a budget line is a matter routed by the unit's policy, and a meeting's decision may not
// overdraw a line either; on SQLite and PostgreSQL (R4, R5, R43).
public class BudgetRaiseTests
{
    private static SubmitMatter Raise(TestCounty county, PersonId finance, decimal amount) =>
        new(county.County, county.Unit, MatterKind.BudgetRaise, "下乡调研增加，差旅费不足", amount, Payee.None, finance, InitiatorKind.Staff, MatterFlags.None, MeetingScenario.MatterDate);

    private static BudgetPosition Travel(TestDatabase database, TestCounty county)
    {
        using var db = database.Context();
        return BudgetOperations.Positions(db, county.County, county.Unit, 2026).Single(p => p.Line.Code == "30211");
    }

    [Theory]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R5")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARaise_IsRoutedByThePolicy_AndRaisesTheLineOnlyOnceApproved_ByTheDeputyOrByTheTeam(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, finance) = await BudgetOperationsTests.BudgetedAsync(database);

        // A raise names its line and pays nobody.
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Raise(county, finance, 2_000m)), "R4", "names the budget line it raises");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Raise(county, finance, 2_000m) with { Payee = Payee.Named("县城文具店") }, budgetLine: "30211"), "Invalid", "pays nobody");

        // Up to S: office review, then the finance deputy approves (R4); the deputy cannot skip the review.
        var small = await county.Matters.SubmitAsync(Raise(county, finance, 2_000m), budgetLine: "30211");
        Assert.True(small.IsOk, small.ToString());
        Assert.Equal([StepKind.Review, StepKind.Approve], small.Value.Route.Steps.Select(s => s.Kind));
        Assert.False((await county.Matters.ActAsync(county.County, small.Value.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"))).IsOk);
        Assert.True((await county.Matters.ActAsync(county.County, small.Value.Id, new ActRequest(county["赵敏"], ActionKind.Review, "情况属实"))).IsOk);
        Assert.Equal(5_000m, Travel(database, county).Budget); // not raised before approval
        Assert.True((await county.Matters.ActAsync(county.County, small.Value.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"))).IsOk);
        var raised = Travel(database, county);
        Assert.Equal((7_000m, 0m, 0m, 7_000m), (raised.Budget, raised.Commitments, raised.Paid, raised.Balance)); // a raise is no commitment
        Assert.Equal(5_000m, raised.Line.Amount); // the bureau's figure stays as approved

        // A raise is not paid.
        MeetingScenario.AssertRefused(await new PaymentOperations(database.Writer).RecordAsync(county.County, small.Value.Id,
            new RecordPayment(finance, 2_000m, Payee.None, PaymentMethod.BankTransfer, "YH-1", MeetingScenario.MatterDate)), "R4", "pays nobody");

        // Above C: the deputy reviews and the team decides (R5); the line rises when the minutes bind it.
        var s = MeetingScenario.Of(county);
        var large = await county.Matters.SubmitAsync(Raise(county, finance, 6_000m), budgetLine: "30211");
        Assert.True(large.IsOk, large.ToString());
        Assert.Equal(StepKind.CollectiveDecision, large.Value.Route.Steps[^1].Kind);
        var waiting = await s.ToCollectiveDecisionAsync(large.Value.Id);
        Assert.Equal(7_000m, Travel(database, county).Budget);
        Assert.True((await s.DecideAsync(waiting)).IsOk);
        Assert.Equal(13_000m, Travel(database, county).Budget);

        await using var db = database.Context();
        var lineId = Travel(database, county).Line.Id;
        var kinds = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(BudgetLine) && e.SubjectId == lineId).OrderBy(e => e.Sequence).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes).Kind).ToList();
        Assert.Equal(["budget.imported", "matter.approve", "meeting.minutes_signed"], kinds);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMeetingsDecisionThatWouldOverdrawTheLine_IsRefusedNamingTheLineAndItsBalance(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, _) = await BudgetOperationsTests.BudgetedAsync(database);
        var s = MeetingScenario.Of(county);
        var expense = await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "全镇干部赴市集中培训差旅费", 6_000m, Payee.Named("县城文具店"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MeetingScenario.MatterDate), budgetLine: "30211");
        Assert.True(expense.IsOk, expense.ToString());
        var waiting = await s.ToCollectiveDecisionAsync(expense.Value.Id);

        // 6,000 on a 5,000 line: the team may not approve it either, and the matter is not approved.
        MeetingScenario.AssertRefused(await s.DecideAsync(waiting), "R4", "would take the 2026 budget line 30211 差旅费 below zero: its balance is 5,000.00");
        await using (var db = database.Context())
        {
            Assert.NotEqual(MatterState.Approved, (await db.Matters.SingleAsync(m => m.Id == expense.Value.Id)).State);
        }

        // Within the balance, the meeting's lower decided amount passes and is committed.
        Assert.True((await s.DecideAsync(waiting, decided: 4_500m, title: "2026年第4次党委会")).IsOk);
        var travel = Travel(database, county);
        Assert.Equal((4_500m, 500m), (travel.Commitments, travel.Balance));
        await database.AssertLedgerIntactAsync();
    }
}

using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// Reversing a recorded payment under four eyes, on SQLite and PostgreSQL (R6, R7, R42): a
// counter-entry, never an edit; the matter's paid total and the budget line follow.
public class PaymentReversalTests
{
    [Theory]
    [Trait("Rule", "R7")]
    [Trait("Rule", "R42")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APayment_IsReversedByFinanceStaffWithAReason_AndConfirmedByASecondPerson_NeverTheRequester(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, finance) = await BudgetOperationsTests.BudgetedAsync(database);
        var cashier = await county.AddPersonAsync("孙出纳", Role.FinanceStaff);
        var submitted = await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "购置办公用品", 3_000m, Payee.Named("县城文具店"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MeetingScenario.MatterDate), budgetLine: "30201");
        Assert.True(submitted.IsOk, submitted.ToString());
        var matter = submitted.Value.Id;
        Assert.True((await county.Matters.ActAsync(county.County, matter, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        Assert.True((await county.Matters.ActAsync(county.County, matter, new ActRequest(county["张伟"], ActionKind.Approve, "同意"))).IsOk);
        var payments = new PaymentOperations(database.Writer);
        RecordPayment Pay(decimal amount, string reference) => new(finance, amount, Payee.None, PaymentMethod.BankTransfer, reference, MeetingScenario.MatterDate);
        var paid = await payments.RecordAsync(county.County, matter, Pay(3_000m, "YH-0001"));
        Assert.True(paid.IsOk, paid.ToString());
        (decimal Commitments, decimal Paid, decimal Balance) Office()
        {
            using var db = database.Context();
            var line = BudgetOperations.Positions(db, county.County, county.Unit, 2026).Single(p => p.Line.Code == "30201");
            return (line.Commitments, line.Paid, line.Balance);
        }

        Assert.Equal((0m, 3_000m, 7_000m), Office());

        // Who may request: finance staff with no interest in the matter, with a reason.
        MeetingScenario.AssertRefused(await payments.RequestReversalAsync(county.County, paid.Value.Id, county["周杰"], "退票"), "R6", "initiated this matter");
        MeetingScenario.AssertRefused(await payments.RequestReversalAsync(county.County, paid.Value.Id, county["赵敏"], "退票"), "R7", "finance staff");
        MeetingScenario.AssertRefused(await payments.RequestReversalAsync(county.County, paid.Value.Id, finance, " "), "Invalid", "reason");
        Assert.True((await payments.RequestReversalAsync(county.County, Guid.CreateVersion7(), finance, "退票")).Refusal!.IsNotFound);
        var requested = await payments.RequestReversalAsync(county.County, paid.Value.Id, finance, "银行退票：收款账户名称不符");
        Assert.True(requested.IsOk, requested.ToString());
        MeetingScenario.AssertRefused(await payments.RequestReversalAsync(county.County, paid.Value.Id, cashier, "退票"), "R7", "reversed once");
        Assert.Equal((0m, 3_000m, 7_000m), Office()); // nothing moves before the second person confirms

        // Four eyes: the requester cannot confirm their own reversal; the office cannot either; the cashier does.
        MeetingScenario.AssertRefused(await payments.ConfirmReversalAsync(county.County, requested.Value.Id, finance), "R7", "a second person confirms it");
        MeetingScenario.AssertRefused(await payments.ConfirmReversalAsync(county.County, requested.Value.Id, county["赵敏"]), "R7", "finance deputy");
        var counter = await payments.ConfirmReversalAsync(county.County, requested.Value.Id, cashier);
        Assert.True(counter.IsOk, counter.ToString());
        Assert.Equal((-3_000m, paid.Value.Id), (counter.Value.Amount, counter.Value.ReversesId!.Value));
        MeetingScenario.AssertRefused(await payments.ConfirmReversalAsync(county.County, requested.Value.Id, county["张伟"]), "R7", "reversed once");
        MeetingScenario.AssertRefused(await payments.RequestReversalAsync(county.County, counter.Value.Id, cashier, "冲销冲销"), "R7", "itself a reversal");

        // The money is committed again and may be paid again, within what was approved (R42).
        Assert.Equal((3_000m, 0m, 7_000m), Office());
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter, Pay(3_000.01m, "YH-0002")), "R42");
        Assert.True((await payments.RecordAsync(county.County, matter, Pay(3_000m, "YH-0003"))).IsOk);
        Assert.Equal((0m, 3_000m, 7_000m), Office());

        // The original is kept beside its counter-entry; every step is in the ledger.
        await using var check = database.Context();
        Assert.Equal([3_000m, -3_000m, 3_000m], PaymentOperations.Of(check, county.County, matter).Select(p => p.Amount));
        Assert.Equal((cashier, "银行退票：收款账户名称不符"), PaymentOperations.ReversalsOf(check, county.County, matter).Select(r => (r.ConfirmedBy!.Value, r.Reason)).Single());
        var kinds = check.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && (e.SubjectType == nameof(PaymentReversal) || e.SubjectType == nameof(Payment))).OrderBy(e => e.Sequence).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes).Kind).ToList();
        Assert.Equal(["matter.paid", "payment.reversal_requested", "payment.reversed", "payment.reversed", "matter.paid"], kinds);
        await database.AssertLedgerIntactAsync();
    }
}

using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// The payment step and income on SQLite and PostgreSQL: the core decides, every row is ledgered.
public class PaymentOperationsTests
{
    private static async Task<(TestCounty County, PaymentOperations Payments, PersonId Finance, Matter Matter)> ApprovedExpenseAsync(TestDatabase database, decimal amount = 3_000m, string payee = "县城文具店")
    {
        var county = await TestCounty.CreateAsync(database);
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var submitted = await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "购置办公用品", amount, Payee.Named(payee), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2)));
        Assert.True(submitted.IsOk, submitted.ToString());
        Assert.True((await county.Matters.ActAsync(county.County, submitted.Value.Id, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        var approved = await county.Matters.ActAsync(county.County, submitted.Value.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"));
        Assert.True(approved.IsOk, approved.ToString());
        return (county, new PaymentOperations(database.Writer), finance, submitted.Value);
    }

    private static RecordPayment Pay(TestDatabase database, PersonId by, decimal amount, Payee? payee = null, PaymentMethod method = PaymentMethod.BankTransfer) =>
        new(by, amount, payee ?? Payee.None, method, "YH20260302-" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime));

    [Theory]
    [Trait("Rule", "R42")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartialPayments_AreLedgered_AndAnOverPaymentOrAnotherPayeeIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, payments, finance, matter) = await ApprovedExpenseAsync(database);

        Assert.True((await payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 1_000m, method: PaymentMethod.OfficialCard))).IsOk);
        Assert.True((await payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 1_500m))).IsOk);
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 500.01m)), "R42", "after 2,500.00 already paid exceeds the approved 3,000.00");
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 100m, Payee.Named("另一家公司"))), "R42", "not 另一家公司");
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 100m, Payee.Named("没有登记的公司"))), "R6");
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter.Id, Pay(database, county["周杰"], 100m)), "R6");
        MeetingScenario.AssertRefused(await payments.RecordAsync(county.County, matter.Id, Pay(database, county["吴斌"], 100m)), "R7", "not finance staff");

        await using var db = database.Context();
        var stored = PaymentOperations.Of(db, county.County, matter.Id);
        Assert.Equal([1_000m, 1_500m], stored.Select(p => p.Amount));
        Assert.Equal([PaymentMethod.OfficialCard, PaymentMethod.BankTransfer], stored.Select(p => p.Method));
        Assert.All(stored, p => Assert.Equal(("县城文具店", matter.Payee.CounterpartyId), (p.Payee.Name, p.Payee.CounterpartyId)));
        Assert.Equal(2_500m, PaymentOperations.ToPay(db, county.County, county.Unit, 10).Single(x => x.Matter.Id == matter.Id).Paid);

        // Each payment is one ledger entry naming the payment row, and the ledger verifies.
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(Payment)).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes)).ToList();
        Assert.Equal(["matter.paid", "matter.paid"], entries.Select(e => e.Kind));
        Assert.Contains(matter.Id.ToString(), entries[0].Data, StringComparison.Ordinal);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R42")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoPaymentsAtOnce_AreSummedInOrder_SoTheyNeverPayMoreThanApproved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, payments, finance, matter) = await ApprovedExpenseAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => payments.RecordAsync(county.County, matter.Id, Pay(database, finance, 2_000m))));

        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal("R42.PaymentsAboveApproved", r.Refusal!.Key));
        await using var db = database.Context();
        Assert.Equal(2_000m, PaymentOperations.Of(db, county.County, matter.Id).Sum(p => p.Amount));
    }

    [Theory]
    [Trait("Rule", "R9")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Income_IsRecordedByFinanceStaffWithItsVoucher_AndLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var payments = new PaymentOperations(database.Writer);
        var today = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);

        MeetingScenario.AssertRefused(await payments.RecordIncomeAsync(county.County, county.Unit, new RecordIncome(county["赵敏"], IncomeKind.NonTaxRevenue, 800m, "罚没收入", "FS0001", today)), "R9", "not finance staff");
        MeetingScenario.AssertRefused(await payments.RecordIncomeAsync(county.County, county.Unit, new RecordIncome(finance, IncomeKind.NonTaxRevenue, 800m, "罚没收入", null, today)), "R9");
        var recorded = await payments.RecordIncomeAsync(county.County, county.Unit, new RecordIncome(finance, IncomeKind.Appropriation, 250_000m, "清河县财政局", "清财预〔2026〕3号", today));

        Assert.True(recorded.IsOk, recorded.ToString());
        await using var db = database.Context();
        var income = PaymentOperations.IncomeOf(db, county.County, county.Unit, 10).Single();
        Assert.Equal((IncomeKind.Appropriation, 250_000m, "清财预〔2026〕3号"), (income.Kind, income.Amount, income.Voucher));
        Assert.Equal("income.recorded", db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(Income)).AsEnumerable().Select(e => LedgerEntry.Parse(e.Bytes).Kind).Single());
    }
}

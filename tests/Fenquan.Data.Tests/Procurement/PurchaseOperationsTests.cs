using Fenquan.Core.CountyChanges;
using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Procurement;

// R16–R18 on SQLite and PostgreSQL: a catalogue purchase decided by the team and handed off, the
// centre's result within the decision, the receipt by someone other than the proposer, and the
// payment step paying only the result's supplier after the receipt; every row ledgered.
public class PurchaseOperationsTests
{
    // 吴斌's section proposes 20 desktop computers (a catalogue item) for 40,000; the team decides 38,000; the office hands it off.
    internal static async Task<(MeetingScenario Scenario, Matter Matter)> HandedOffAsync(TestDatabase database, decimal decided = 38_000m)
    {
        var s = await MeetingScenario.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await s.County.Organization.AddPersonAsync(s.Id, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(s.Id, inspector, new CountyOfficial("admin", "王强"))).IsOk);
        var catalogue = ProcurementCatalogue.Create([new CatalogueEntry("A02010104", "台式计算机", "货物", 30_000m, 2_000_000m)]).Value;
        var proposed = await changes.ProposeAsync(s.Id, CountyChangeSubject.ProcurementCatalogue, catalogue.ToJson(), "首版", new CountyOfficial("admin", "王强"));
        Assert.True((await changes.ConfirmAsync(s.Id, proposed.Value.Id, new CountyOfficial("admin2", "李静"))).IsOk);

        var submitted = await s.County.Matters.SubmitAsync(new SubmitMatter(s.Id, s.County.Unit, MatterKind.PurchasePlan, "采购台式计算机20台", 40_000m, Payee.None, s["吴斌"], InitiatorKind.Section, MatterFlags.None, MeetingScenario.MatterDate) { ItemCode = "A02010104" });
        Assert.True(submitted.IsOk, submitted.ToString());
        var id = submitted.Value.Id;
        Assert.True((await s.County.Matters.ActAsync(s.Id, id, new ActRequest(s["陈明"], ActionKind.Review, "同意提交党委会"))).IsOk);

        var meeting = await s.ScheduleAsync();
        await using (var db = database.Context())
        {
            var item = await s.AddAsync(meeting, MatterOperations.Load(db, s.Id, id)!);
            await s.OpenAsync(meeting);
            await s.AttendAsync(meeting, MeetingScenario.Team);
            foreach (var name in new[] { "张伟", "刘洋", "陈明", "杨帆", "李秀英", "王建国" })
            {
                await s.SaidAsync(meeting, item, name);
            }

            Assert.True((await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, decided, null, s["赵敏"])).IsOk);
        }

        var minutes = await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"]);
        foreach (var name in MeetingScenario.Team)
        {
            Assert.True((await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Value.Id, s[name])).IsOk);
        }

        var handedOff = await s.County.Matters.ActAsync(s.Id, id, new ActRequest(s["赵敏"], ActionKind.HandOff, "移交区公共资源交易中心", "QH-2026-0107"));
        Assert.True(handedOff.IsOk, handedOff.ToString());
        await using var after = database.Context();
        var matter = MatterOperations.Load(after, s.Id, id)!;
        Assert.Equal((MatterState.Approved, decided), (matter.State, matter.DecidedTerms!.Amount));
        return (s, matter);
    }

    internal static RecordPurchaseResult Result(TestDatabase database, PersonId by, decimal amount, string supplier = "清河县电脑城") =>
        new(by, "QH-CG-2026-0107", ProcurementMethod.ProcurementCentre, Payee.Named(supplier), amount, Today(database));

    private static DateOnly Today(TestDatabase database) => DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);

    private static RecordPayment Pay(TestDatabase database, PersonId by, decimal amount, string? payee = null) =>
        new(by, amount, payee is null ? Payee.None : Payee.Named(payee), PaymentMethod.TreasuryDirect, "GK-2026-" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Today(database));

    [Theory]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACataloguePurchase_FromDecisionToPayment_ResultWithinTheDecision_ReceiptByAnother_PaidToTheSupplier(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (s, matter) = await HandedOffAsync(database, 38_000m);
        var purchases = new PurchaseOperations(database.Writer);
        var payments = new PaymentOperations(database.Writer);
        var finance = await s.County.AddPersonAsync("钱会计", Role.FinanceStaff);
        database.Time.Advance(TimeSpan.FromDays(10));

        MeetingScenario.AssertRefused(await purchases.RecordReceiptAsync(s.Id, matter.Id, new RecordPurchaseReceipt(s["周杰"], Today(database), "到货20台")), "R18", "record its result before its receipt");
        var above = await purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["赵敏"], 38_000.01m));
        Assert.Equal("R18.ResultAboveDecision", above.Refusal?.Key);
        MeetingScenario.AssertRefused(await purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["赵敏"], 36_800m, "没有登记的公司")), "R6");
        MeetingScenario.AssertRefused(await purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["周杰"], 36_800m)), "R18", "neither the office nor the deputy");
        var result = await purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["赵敏"], 36_800m));
        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("R18.ResultRecorded", (await purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["陈明"], 30_000m))).Refusal?.Key);

        Assert.Equal("R16.PaymentBeforeReceipt", (await payments.RecordAsync(s.Id, matter.Id, Pay(database, finance, 10_000m))).Refusal?.Key);
        Assert.Equal("R16.ReceiptByProposer", (await purchases.RecordReceiptAsync(s.Id, matter.Id, new RecordPurchaseReceipt(s["吴斌"], Today(database), "到货20台"))).Refusal?.Key);
        var receipt = await purchases.RecordReceiptAsync(s.Id, matter.Id, new RecordPurchaseReceipt(s["周杰"], Today(database), "到货20台，型号、数量与成交通知书一致"));
        Assert.True(receipt.IsOk, receipt.ToString());

        Assert.Equal("R18.PaymentNotToSupplier", (await payments.RecordAsync(s.Id, matter.Id, Pay(database, finance, 10_000m, "县城文具店"))).Refusal?.Key);
        Assert.True((await payments.RecordAsync(s.Id, matter.Id, Pay(database, finance, 30_000m))).IsOk);
        var over = await payments.RecordAsync(s.Id, matter.Id, Pay(database, finance, 6_800.01m, "清河县电脑城"));
        Assert.Equal("R18.PaymentAboveResult", over.Refusal?.Key);
        Assert.True((await payments.RecordAsync(s.Id, matter.Id, Pay(database, finance, 6_800m, "清河县电脑城"))).IsOk);

        await using var db = database.Context();
        var progress = PurchaseOperations.ProgressOf(db, s.Id, matter.Id);
        Assert.Equal(("QH-CG-2026-0107", "清河县电脑城", 36_800m), (progress.Result!.Reference, progress.Result.Supplier.Name, progress.Result.Amount));
        Assert.NotNull(progress.Result.Supplier.CounterpartyId);
        Assert.Equal((s["周杰"], "到货20台，型号、数量与成交通知书一致"), (progress.Receipt!.RecordedBy, progress.Receipt.Note));
        Assert.All(PaymentOperations.Of(db, s.Id, matter.Id), p => Assert.Equal(progress.Result.Supplier.CounterpartyId, p.Payee.CounterpartyId));
        var kinds = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == s.Id.Value && (e.SubjectType == nameof(PurchaseResult) || e.SubjectType == nameof(PurchaseReceipt))).AsEnumerable()
            .OrderBy(e => e.Sequence).Select(e => LedgerEntry.Parse(e.Bytes).Kind);
        Assert.Equal(["purchase.result", "purchase.received"], kinds);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R18")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoResultsAtOnce_OnlyOneIsRecorded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (s, matter) = await HandedOffAsync(database);
        var purchases = new PurchaseOperations(database.Writer);

        var results = await Task.WhenAll(purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["赵敏"], 36_000m)), purchases.RecordResultAsync(s.Id, matter.Id, Result(database, s["陈明"], 35_000m)));

        Assert.Single(results, r => r.IsOk);
        Assert.Single(results, r => r.Refusal?.Key == "R18.ResultRecorded");
    }
}

using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Core.Tests.Matters;
using Fenquan.Core.Tests.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Procurement;

// R16–R18 after approval: the centre's result within the decision, the receipt by someone other
// than the proposer, and the payment only to the result's supplier after the receipt.
public class PurchaseResultTests
{
    private static readonly DateTimeOffset Later = new(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly ResultDay = new(2025, 3, 24);
    private static readonly Payee Supplier = TestOrg.Company("县城电脑有限公司");

    private readonly TestOrg _org = TestOrg.Township().With("钱会计", Role.FinanceStaff);

    // A catalogue purchase proposed by the section head, reviewed by the procurement deputy, decided
    // by the team for 38,000 and handed off to the district procurement centre by the office.
    private Matter HandedOff(decimal decided = 38_000m)
    {
        var f = new MeetingFixture(_org);
        var matter = _org.Submit(MatterKind.PurchasePlan, 40_000m, "吴斌", InitiatorKind.Section, TestRoutes.CatalogueItem, Payee.None);
        _org.Done(matter, "吴斌", ActionKind.Propose);
        _org.Done(matter, "陈明", ActionKind.Review);
        f.DecideInMeeting(matter, decided);
        _org.Done(matter, "周敏", ActionKind.HandOff, "区公共资源交易中心 QH-2025-0107");
        Assert.Equal(MatterState.Approved, matter.State);
        return matter;
    }

    private Result<PurchaseResult> Result(Matter matter, decimal amount, string by = "周敏", Payee? supplier = null, PurchaseResult? earlier = null, IReadOnlyCollection<PersonId>? ties = null) =>
        PurchaseResult.Record(matter, earlier, new RecordPurchaseResult(_org[by], "QH-CG-2025-0107", ProcurementMethod.ProcurementCentre, supplier ?? Supplier, amount, ResultDay), ties ?? [], _org.View(), Later);

    private Result<PurchaseReceipt> Receive(Matter matter, PurchaseProgress progress, string by = "孙磊") =>
        PurchaseReceipt.Record(matter, progress, new RecordPurchaseReceipt(_org[by], ResultDay.AddDays(1), "台式计算机20台，型号与数量相符"), [], _org.View(), Later);

    private Result<Payment> Pay(Matter matter, PurchaseProgress progress, IReadOnlyCollection<Payment> earlier, decimal amount, Payee payee) =>
        Payment.Record(matter, earlier, new RecordPayment(_org["钱会计"], amount, payee, PaymentMethod.TreasuryDirect, "GK-2025-0311", ResultDay.AddDays(1)), progress, _org.View(), Later);

    [Fact]
    [Trait("Rule", "R18")]
    public void TheResult_MayNotExceedWhatTheTeamDecided_TheDecidedAmountItselfIsRecorded()
    {
        var matter = HandedOff(38_000m);

        var above = Result(matter, 38_000.01m);
        AssertRefused(above, "R18", "exceeds the 38,000.00 the team decided");
        Assert.Equal("R18.ResultAboveDecision", above.Refusal!.Key);
        var result = Result(matter, 38_000m);
        Assert.True(result.IsOk, result.ToString());
        Assert.Equal((matter.Id, "QH-CG-2025-0107", Supplier.CounterpartyId, 38_000m, ResultDay), (result.Value.MatterId, result.Value.Reference, result.Value.Supplier.CounterpartyId, result.Value.Amount, result.Value.ResultOn));
        AssertRefused(Result(matter, 30_000m, earlier: result.Value), "R18", "recorded already");
    }

    [Fact]
    [Trait("Rule", "R18")]
    public void TheResult_ComesOnlyAfterTheDecisionAndHandOff_OfACataloguePurchase()
    {
        var pending = _org.Submit(MatterKind.PurchasePlan, 40_000m, "吴斌", InitiatorKind.Section, TestRoutes.CatalogueItem, Payee.None);
        _org.Done(pending, "吴斌", ActionKind.Propose);
        _org.Done(pending, "陈明", ActionKind.Review);
        AssertRefused(Result(pending, 10_000m), "R18", "has not been decided by the team and handed off");

        var small = _org.Submit(MatterKind.PurchasePlan, 8_000m, "吴斌", InitiatorKind.Section, TestRoutes.PurchaseAboveCollective, Supplier);
        _org.Done(small, "吴斌", ActionKind.Propose);
        _org.Done(small, "陈明", ActionKind.Review);
        _org.Done(small, "李秀英", ActionKind.Consent);
        _org.Done(small, "陈明", ActionKind.Approve);
        AssertRefused(Result(small, 8_000m), "R18", "handed off");

        var expense = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        Assert.Equal("R18.ResultNotAPurchase", Result(expense, 1_000m).Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R6")]
    public void TheResult_IsRecordedByTheOfficeOrTheProcurementDeputy_NeverByTheProposerOrSomeoneTiedToTheSupplier()
    {
        var matter = HandedOff();

        AssertRefused(Result(matter, 38_000m, by: "吴斌"), "R6", "吴斌 initiated this purchase");
        AssertRefused(Result(matter, 38_000m, by: "孙磊"), "R18", "neither the office nor the deputy in charge of procurement");
        AssertRefused(Result(matter, 38_000m, by: "王志强"), "R18");
        AssertRefused(Result(matter, 38_000m, by: "张建国"), "R18");
        AssertRefused(Result(matter, 38_000m, ties: [_org["周敏"]]), "R6", "tied to its supplier");
        Assert.True(Result(matter, 38_000m, by: "陈明").IsOk);
    }

    [Fact]
    [Trait("Rule", "R18")]
    public void TheSupplier_IsARegisteredCounterparty()
    {
        var matter = HandedOff();

        AssertRefused(Result(matter, 38_000m, supplier: Payee.Named("某电脑经营部")), "R18", "not a counterparty of the county's register");
        AssertRefused(Result(matter, 38_000m, supplier: Payee.Person(_org["郑芳"], "郑芳")), "R18");
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    public void TheReceipt_IsRecordedBySomeoneOtherThanTheProposer_AfterTheResult()
    {
        var matter = HandedOff();
        AssertRefused(Receive(matter, PurchaseProgress.None), "R18", "record its result before its receipt");
        var result = Result(matter, 36_500m).Value;
        var progress = new PurchaseProgress(result, null);

        var byProposer = Receive(matter, progress, by: "吴斌");
        AssertRefused(byProposer, "R16", "吴斌 proposed this purchase");
        Assert.Equal("R16.ReceiptByProposer", byProposer.Refusal!.Key);
        var receipt = Receive(matter, progress);
        Assert.True(receipt.IsOk, receipt.ToString());
        Assert.Equal((matter.Id, _org["孙磊"], ResultDay.AddDays(1)), (receipt.Value.MatterId, receipt.Value.RecordedBy, receipt.Value.ReceivedOn));
        AssertRefused(Receive(matter, progress with { Receipt = receipt.Value }, by: "郑芳"), "R16", "received already");
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    public void APurchase_IsPaidOnlyAfterItsReceipt_ToTheResultsSupplier_AtMostTheResultsAmount()
    {
        var matter = HandedOff(38_000m);
        var result = Result(matter, 36_500m).Value;
        var progress = new PurchaseProgress(result, null);
        var payments = new List<Payment>();

        var early = Pay(matter, progress, payments, 10_000m, Supplier);
        AssertRefused(early, "R16", "has not been received");
        Assert.Equal("R16.PaymentBeforeReceipt", early.Refusal!.Key);

        progress = progress with { Receipt = Receive(matter, progress).Value };
        AssertRefused(Pay(matter, progress, payments, 10_000m, TestOrg.Company("另一家电脑公司")), "R18", "names 县城电脑有限公司 as the supplier");
        payments.Add(Pay(matter, progress, payments, 30_000m, Supplier).Value);
        var over = Pay(matter, progress, payments, 6_500.01m, Supplier);
        AssertRefused(over, "R18", "exceeds the result's 36,500.00");
        Assert.Equal("6,500.00", over.Refusal!.Argument("left"));
        Assert.True(Pay(matter, progress, payments, 6_500m, Supplier with { Name = "县城电脑有限公司（更名）" }).IsOk);
    }

    [Fact]
    [Trait("Rule", "R16")]
    public void ASmallPurchase_TooIsPaidOnlyAfterItsReceipt_ToItsApprovedPayee()
    {
        var matter = _org.Submit(MatterKind.PurchasePlan, 8_000m, "吴斌", InitiatorKind.Section, TestRoutes.PurchaseAboveCollective, Supplier);
        _org.Done(matter, "吴斌", ActionKind.Propose);
        _org.Done(matter, "陈明", ActionKind.Review);
        _org.Done(matter, "李秀英", ActionKind.Consent);
        _org.Done(matter, "陈明", ActionKind.Approve);

        AssertRefused(Pay(matter, PurchaseProgress.None, [], 8_000m, Supplier), "R16");
        AssertRefused(Payment.Record(matter, [], new RecordPayment(_org["钱会计"], 8_000m, Supplier, PaymentMethod.TreasuryDirect, "GK-1", ResultDay), _org.View(), Later), "R16");
        var progress = new PurchaseProgress(null, Receive(matter, PurchaseProgress.None, by: "周敏").Value);
        AssertRefused(Pay(matter, progress, [], 8_000.01m, Supplier), "R42");
        Assert.True(Pay(matter, progress, [], 8_000m, Supplier).IsOk);
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R18")]
    public void TheForms_AreOfferedToThoseWhoMayUseThem()
    {
        var matter = HandedOff();
        Asker Of(string name, params Role[] roles) => new() { County = _org.County, Person = _org[name], Unit = _org.Unit, Roles = roles, Today = ResultDay };

        Assert.True(PurchaseAccess.MayRecordResult(Of("周敏", Role.OfficeReviewer), matter, PurchaseProgress.None));
        Assert.False(PurchaseAccess.MayRecordResult(Of("孙磊", Role.Staff), matter, PurchaseProgress.None));
        Assert.False(PurchaseAccess.MayRecordReceipt(Of("孙磊", Role.Staff), matter, PurchaseProgress.None)); // no result yet
        var progress = new PurchaseProgress(Result(matter, 36_000m).Value, null);
        Assert.False(PurchaseAccess.MayRecordResult(Of("周敏", Role.OfficeReviewer), matter, progress));
        Assert.True(PurchaseAccess.MayRecordReceipt(Of("孙磊", Role.Staff), matter, progress));
        Assert.False(PurchaseAccess.MayRecordReceipt(Of("吴斌", Role.SectionHead), matter, progress));
        Assert.False(PurchaseAccess.MayRecordReceipt(Of("孙磊", Role.Staff) with { Unit = UnitId.New() }, matter, progress));
    }
}

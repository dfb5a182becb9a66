using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using Fenquan.Core.Tests.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Finance;

// The payment step: finance staff pay an approved matter, within what was approved or decided, to its payee.
public class PaymentTests
{
    private static readonly DateTimeOffset PaidAt = TestOrg.Now.AddDays(2);

    private readonly TestOrg _org = TestOrg.Township().With("钱会计", Role.FinanceStaff).With("冯出纳", Role.FinanceStaff);

    private Matter ApprovedExpense(decimal amount = 3_000m, string initiator = "孙磊", Payee? payee = null)
    {
        var matter = _org.Submit(MatterKind.Expense, amount, initiator, InitiatorKind.Staff, TestRoutes.SmallExpense, payee);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);
        Assert.Equal(MatterState.Approved, matter.State);
        return matter;
    }

    private Result<Payment> Pay(Matter matter, List<Payment> earlier, decimal amount, Payee? payee = null, string by = "钱会计", PaymentMethod method = PaymentMethod.OfficialCard, string? reference = "GWK-20250314-0001")
    {
        var paid = Payment.Record(matter, earlier, new RecordPayment(_org[by], amount, payee ?? matter.Payee, method, reference, DateOnly.FromDateTime(PaidAt.UtcDateTime)), _org.View(), PaidAt);
        if (paid.IsOk)
        {
            earlier.Add(paid.Value);
        }

        return paid;
    }

    [Fact]
    [Trait("Rule", "R42")]
    public void PartialPayments_AddUpToTheApprovedAmountAtMost_AndAnOverPaymentIsRefusedNamingWhatIsLeft()
    {
        var matter = ApprovedExpense(3_000m);
        var payments = new List<Payment>();

        Assert.True(Pay(matter, payments, 1_000m).IsOk);
        Assert.True(Pay(matter, payments, 1_500m, method: PaymentMethod.BankTransfer, reference: "ZZ0098").IsOk);
        var over = Pay(matter, payments, 500.01m);

        AssertRefused(over, "R42", "after 2,500.00 already paid exceeds the approved 3,000.00");
        Assert.Equal("R42.PaymentsAboveApproved", over.Refusal!.Key);
        Assert.Equal("500.00", over.Refusal.Argument("left"));
        Assert.True(Pay(matter, payments, 500m).IsOk);
        Assert.Equal(3_000m, payments.Sum(p => p.Amount));
        AssertRefused(Pay(matter, payments, 0.01m), "R42", "at most 0.00 is left");
        Assert.Equal((matter.Id, PaymentMethod.BankTransfer, "ZZ0098", _org["钱会计"]), (payments[1].MatterId, payments[1].Method, payments[1].Reference, payments[1].RecordedBy));
    }

    [Fact]
    [Trait("Rule", "R42")]
    public void AnotherPayee_IsRefused_EvenForLess()
    {
        var matter = ApprovedExpense(3_000m, payee: TestOrg.Company("某某文具店"));
        var payments = new List<Payment>();

        AssertRefused(Pay(matter, payments, 100m, TestOrg.Company("另一家公司")), "R42", "approved to pay 某某文具店, not 另一家公司");
        AssertRefused(Pay(matter, payments, 100m, Payee.Person(_org["孙磊"], "孙磊")), "R42", "not 孙磊");
        Assert.Empty(payments);

        // The same registered counterparty is the same payee, whatever its name reads today.
        Assert.True(Pay(matter, payments, 100m, matter.Payee with { Name = "某某文具店（更名）" }).IsOk);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void AfterAMeeting_PaymentsStayWithinTheDecidedAmount_NotTheProposedOne()
    {
        var f = new MeetingFixture(_org);
        var matter = f.CollectiveExpense(12_000m, payee: TestOrg.Company("县城建设工程公司"));
        var (meeting, _) = f.ApprovedMeeting(matter, 10_000m);
        f.SignAll(meeting, matter);
        Assert.Equal(10_000m, matter.DecidedTerms!.Amount);
        var payments = new List<Payment>();

        AssertRefused(Pay(matter, payments, 12_000m, method: PaymentMethod.TreasuryDirect), "R43", "exceeds the 10,000.00 the meeting decided");
        Assert.True(Pay(matter, payments, 6_000m, method: PaymentMethod.TreasuryDirect).IsOk);
        var over = Pay(matter, payments, 4_000.01m, method: PaymentMethod.TreasuryDirect);
        AssertRefused(over, "R43", "after 6,000.00 already paid");
        Assert.Equal(matter.DecidedTerms.MeetingReference, over.Refusal!.Argument("meeting"));
        AssertRefused(Pay(matter, payments, 1_000m, TestOrg.Company("某某商贸有限公司")), "R43", "not 某某商贸有限公司");
        Assert.True(Pay(matter, payments, 4_000m, method: PaymentMethod.TreasuryDirect).IsOk);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void APendingMatter_IsNotPaid()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);

        AssertRefused(Pay(matter, [], 3_000m), "R7", "only an approved matter is executed");
    }

    [Fact]
    [Trait("Rule", "R6")]
    [Trait("Rule", "R7")]
    public void OnlyTheUnitsFinanceStaff_RecordAPayment_AndNeverOnTheirOwnClaim()
    {
        var others = ApprovedExpense();
        AssertRefused(Pay(others, [], 100m, by: "郑芳"), "R7", "not finance staff");
        AssertRefused(Pay(others, [], 100m, by: "王志强"), "R7", "not finance staff");

        var own = ApprovedExpense(initiator: "钱会计");
        AssertRefused(Pay(own, [], 100m, by: "钱会计"), "R6", "钱会计 initiated this matter");
        var paysHer = ApprovedExpense(payee: Payee.Person(_org["钱会计"], "钱会计"));
        AssertRefused(Pay(paysHer, [], 100m, by: "钱会计"), "R6");
        Assert.True(Pay(own, [], 100m, by: "冯出纳").IsOk);
    }

    [Theory]
    [Trait("Rule", "R42")]
    [InlineData(PaymentMethod.OfficialCard, "")]
    [InlineData(PaymentMethod.OfficialCard, "   ")]
    [InlineData((PaymentMethod)9, "GWK-1")]
    public void APayment_NamesItsMethodAndReference(PaymentMethod method, string reference)
    {
        var refused = Pay(ApprovedExpense(), [], 100m, method: method, reference: reference);

        Assert.Equal(Refusal.InvalidId, refused.Refusal?.RuleId);
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void FinanceStaff_SeeTheApprovedMattersTheyPay_NotThoseStillPending()
    {
        var approved = ApprovedExpense();
        var pending = _org.Submit(MatterKind.Expense, 3_000m, "郑芳", InitiatorKind.Staff, TestRoutes.SmallExpense);
        var asker = new Asker { County = _org.County, Person = _org["钱会计"], Unit = _org.Unit, Roles = [Role.FinanceStaff], Today = TestOrg.MatterDay };

        Assert.True(MatterAccess.MaySee(asker, approved, _org.View()));
        Assert.False(MatterAccess.MaySee(asker, pending, _org.View()));
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void Income_IsRecordedByFinanceStaff_WithItsVoucher()
    {
        var day = DateOnly.FromDateTime(PaidAt.UtcDateTime);
        Result<Income> Record(string by, string? voucher) =>
            Income.Record(_org.County, _org.Unit, new RecordIncome(_org[by], IncomeKind.Appropriation, 200_000m, "县财政局", voucher, day), _org.View(), PaidAt);

        AssertRefused(Record("周敏", "财预〔2025〕12号"), "R9", "not finance staff");
        AssertRefused(Record("钱会计", " "), "R9", "with its voucher");
        var income = Record("钱会计", "财预〔2025〕12号");
        Assert.True(income.IsOk, income.ToString());
        Assert.Equal((IncomeKind.Appropriation, 200_000m, "财预〔2025〕12号"), (income.Value.Kind, income.Value.Amount, income.Value.Voucher));
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void AReversal_IsOfferedToFinanceStaffWithNoInterest_ItsConfirmationToASecondPerson_AndTheTimelineShowsBoth()
    {
        var matter = ApprovedExpense(3_000m);
        var payments = new List<Payment>();
        Assert.True(Pay(matter, payments, 3_000m).IsOk);
        var paid = payments.Single();
        var today = DateOnly.FromDateTime(PaidAt.UtcDateTime);
        Asker AskerOf(string name) => new() { County = _org.County, Person = _org[name], Unit = _org.Unit, Roles = _org.View().RolesOf(_org.Unit, _org[name], today), Today = today };

        Assert.True(PaymentAccess.MayRequestReversal(AskerOf("钱会计"), matter, paid, null));
        Assert.False(PaymentAccess.MayRequestReversal(AskerOf("孙磊"), matter, paid, null)); // the initiator (R6)
        Assert.False(PaymentAccess.MayRequestReversal(AskerOf("周敏"), matter, paid, null)); // the office is no finance staff
        Assert.False(PaymentAccess.MayRequestReversal(AskerOf("钱会计") with { Unit = UnitId.New() }, matter, paid, null));

        var reversal = PaymentReversal.Request(matter, paid, null, _org["钱会计"], "银行退票", _org.View(), PaidAt).Value;
        Assert.False(PaymentAccess.MayRequestReversal(AskerOf("冯出纳"), matter, paid, reversal)); // reversed once
        Assert.False(PaymentAccess.MayConfirmReversal(AskerOf("钱会计"), matter, reversal, _org.View())); // four eyes
        Assert.True(PaymentAccess.MayConfirmReversal(AskerOf("冯出纳"), matter, reversal, _org.View()));
        Assert.True(PaymentAccess.MayConfirmReversal(AskerOf("王志强"), matter, reversal, _org.View())); // the finance deputy in charge
        Assert.False(PaymentAccess.MayConfirmReversal(AskerOf("周敏"), matter, reversal, _org.View()));

        var counter = reversal.Confirm(matter, paid, _org["冯出纳"], _org.View(), PaidAt.AddHours(1)).Value;
        Assert.False(PaymentAccess.MayConfirmReversal(AskerOf("王志强"), matter, reversal, _org.View())); // confirmed already
        Assert.False(PaymentAccess.MayRequestReversal(AskerOf("冯出纳"), matter, counter, null)); // a counter-entry is not reversed
        var timeline = MatterTimeline.Of(matter, Core.Procurement.PurchaseProgress.None, [paid, counter], [reversal]).Where(e => e.Kind != TimelineEntryKind.Action).ToList();
        Assert.Equal([TimelineEntryKind.Payment, TimelineEntryKind.ReversalRequested, TimelineEntryKind.PaymentReversed], timeline.Select(e => e.Kind));
        Assert.Equal((-3_000m, "银行退票", _org["冯出纳"]), (timeline[2].Amount!.Value, timeline[2].Text, timeline[2].By));
    }
}

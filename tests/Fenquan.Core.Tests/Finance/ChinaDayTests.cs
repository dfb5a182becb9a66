using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Finance;

/// <summary>
/// The core's day checks count in the county's (China) date, not the UTC date, which lags it from
/// 00:00 to 08:00 China time: at 16:30 UTC it is already the next day in China. A finance clerk whose
/// role begins that day records and imports from its first minute, and a day after it is still refused.
/// </summary>
public class ChinaDayTests
{
    private static readonly DateTimeOffset HalfPastMidnight = new(2025, 3, 13, 16, 30, 0, TimeSpan.Zero); // 00:30 on the 14th in China
    private static readonly DateOnly ChinaToday = new(2025, 3, 14);

    private readonly TestOrg _org = TestOrg.Township().With("钱会计", Role.FinanceStaff, from: ChinaToday);

    private Result<Income> RecordIncome(DateOnly receivedOn) =>
        Income.Record(_org.County, _org.Unit, new RecordIncome(_org["钱会计"], IncomeKind.Appropriation, 200_000m, "县财政局", "财预〔2025〕12号", receivedOn), _org.View(), HalfPastMidnight);

    private Result<Payment> Pay(DateOnly paidOn)
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);
        return Payment.Record(matter, [], new RecordPayment(_org["钱会计"], 3_000m, matter.Payee, PaymentMethod.OfficialCard, "GWK-20250314-0001", paidOn), _org.View(), HalfPastMidnight);
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void AtHalfPastMidnightChinaTime_FinanceStaffFromToday_RecordTodaysIncome()
    {
        var income = RecordIncome(ChinaToday);

        Assert.True(income.IsOk, income.ToString());
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void AtHalfPastMidnightChinaTime_IncomeDatedTomorrowInChina_IsRefused()
    {
        var income = RecordIncome(ChinaToday.AddDays(1));

        Assert.False(income.IsOk);
        Assert.Equal(Refusal.InvalidId, income.Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void AtHalfPastMidnightChinaTime_FinanceStaffFromToday_RecordTodaysPayment()
    {
        var paid = Pay(ChinaToday);

        Assert.True(paid.IsOk, paid.ToString());
        Assert.Equal(ChinaToday, paid.Value.PaidOn);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void AtHalfPastMidnightChinaTime_APaymentDatedTomorrowInChina_IsRefused()
    {
        var paid = Pay(ChinaToday.AddDays(1));

        Assert.False(paid.IsOk);
        Assert.Equal(Refusal.InvalidId, paid.Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void AtHalfPastMidnightChinaTime_FinanceStaffFromToday_ImportTheBudget()
    {
        var rows = new List<BudgetSheetRow> { new(2, "30201", "办公费", "120000") };

        var budget = Budget.Import(_org.County, _org.Unit, 2025, "清财预〔2025〕12号", rows, _org["钱会计"], null, _org.View(), HalfPastMidnight);

        Assert.True(budget.IsOk, budget.ToString());
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AtHalfPastMidnightChinaTime_AMatterSubmittedWithoutADay_IsSubmittedOnChinasDate()
    {
        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "差旅费报销", 3_000m, Payee.Person(_org["孙磊"], "孙磊"), _org["孙磊"], InitiatorKind.Staff, MatterFlags.None, ChinaToday);

        var submitted = Matter.Submit(command, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), HalfPastMidnight);

        Assert.True(submitted.IsOk, submitted.ToString());
        Assert.Equal(ChinaToday, submitted.Value.SubmittedOn);
    }
}

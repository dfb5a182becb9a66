using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Matters;

/// <summary>
/// R40: a matter not given its day of submission is submitted on the county's (China) date of the
/// instant, not the UTC date, which lags it from 00:00 to 08:00 China time.
/// </summary>
[Trait("Rule", "R40")]
public class SubmissionDayTests
{
    private readonly TestOrg _org = TestOrg.Township();

    [Fact]
    public void AtHalfPastMidnightChinaTime_AMatterDatedToday_IsSubmittedThatDay()
    {
        var instant = new DateTimeOffset(2026, 12, 7, 16, 30, 0, TimeSpan.Zero); // 00:30 on the 8th in China, as the writer gives it (UTC)
        var today = new DateOnly(2026, 12, 8);
        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "差旅费报销", 3_000m, Payee.Person(_org["孙磊"], "孙磊"), _org["孙磊"], InitiatorKind.Staff, MatterFlags.None, today);

        var submitted = Matter.Submit(command, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), instant);

        Assert.True(submitted.IsOk, submitted.ToString());
        Assert.Equal(today, submitted.Value.SubmittedOn);
    }

    [Fact]
    public void AMatterDatedTomorrowInChina_IsStillRefused()
    {
        var instant = new DateTimeOffset(2026, 12, 7, 16, 30, 0, TimeSpan.Zero);
        var command = new SubmitMatter(_org.County, _org.Unit, MatterKind.Expense, "差旅费报销", 3_000m, Payee.Person(_org["孙磊"], "孙磊"), _org["孙磊"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 12, 9));

        var submitted = Matter.Submit(command, TestRoutes.SmallExpense, PolicyVersionId.New(), _org.View(), instant);

        Assert.False(submitted.IsOk);
        Assert.EndsWith(".OccurredInTheFuture", submitted.Refusal!.Key, StringComparison.Ordinal);
    }
}

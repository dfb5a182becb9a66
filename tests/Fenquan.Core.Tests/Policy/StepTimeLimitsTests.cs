using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using static Fenquan.Core.Tests.Policy.PolicyTestData;

namespace Fenquan.Core.Tests.Policy;

// R46: matter steps' time limits are in the unit's policy, per kind of step: days, what they count
// (working days on the official calendar or calendar days) and the share at which they turn yellow.
[Trait("Rule", "R46")]
public class StepTimeLimitsTests
{
    private static readonly WorkingCalendar Official = new(OfficialCalendars.Shipped);

    // Tuesday 30 September 2025: National Day and Mid-Autumn rest from 1 to 8 October; Saturday 11 October works.
    private static readonly DateOnly BeforeNationalDay = new(2025, 9, 30);

    private static PolicyDocument WithLimits(StepLimit fallback, params (StepKind Kind, StepLimit Limit)[] byKind) =>
        Default with { StepLimits = new StepTimeLimits(fallback, byKind.ToDictionary(p => p.Kind, p => p.Limit)) };

    [Fact]
    public void FiveWorkingDays_AcrossNationalDay_EndOnTheOfficialDay()
    {
        var policy = WithLimits(StepLimit.Standard, (StepKind.Review, new StepLimit(TimeLimit.Working(5))));
        var review = policy.StepLimits.For(StepKind.Review);

        // 9, 10, 11 (the adjusted Saturday), 13 and 14 October; Monday to Friday, blind to the holiday, would end on the 7th.
        Assert.Equal(new DateOnly(2025, 10, 14), review.DueOn(BeforeNationalDay, Official));
        Assert.Equal(new DateOnly(2025, 10, 7), WorkingCalendar.MondayToFriday.AddWorkingDays(BeforeNationalDay, 5));
        Assert.Equal(LimitColour.Green, review.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 8), Official));
        Assert.Equal(LimitColour.Green, review.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 11), Official));
        Assert.Equal(LimitColour.Yellow, review.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 13), Official));
        Assert.Equal(LimitColour.Yellow, review.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 14), Official));
        Assert.Equal(LimitColour.Red, review.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 15), Official));

        // Other kinds keep the policy's default: 3 working days (9, 10, 11 October).
        Assert.Equal(new DateOnly(2025, 10, 11), policy.StepLimits.For(StepKind.Approve).DueOn(BeforeNationalDay, Official));
    }

    [Fact]
    public void ACalendarDayStep_CountsTheHolidays()
    {
        var policy = WithLimits(StepLimit.Standard, (StepKind.PublicNotice, new StepLimit(TimeLimit.Calendar(5))));
        var notice = policy.StepLimits.For(StepKind.PublicNotice);
        Assert.Equal(new DateOnly(2025, 10, 5), notice.DueOn(BeforeNationalDay, Official));
        Assert.Equal(LimitColour.Yellow, notice.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 4), Official));
        Assert.Equal(LimitColour.Red, notice.ColourOn(BeforeNationalDay, new DateOnly(2025, 10, 6), Official));
    }

    [Theory]
    [InlineData(80, 3, LimitColour.Green)]
    [InlineData(80, 8, LimitColour.Yellow)]
    [InlineData(50, 4, LimitColour.Green)]
    [InlineData(50, 5, LimitColour.Yellow)]
    [InlineData(100, 9, LimitColour.Green)]
    [InlineData(100, 10, LimitColour.Yellow)]
    [InlineData(50, 11, LimitColour.Red)]
    public void TheYellowShare_IsThePolicys(int percent, int daysUsed, LimitColour expected)
    {
        var limit = new StepLimit(TimeLimit.Calendar(10), percent);
        var start = new DateOnly(2026, 3, 2);
        Assert.Equal(expected, limit.ColourOn(start, start.AddDays(daysUsed), Official));
    }

    [Fact]
    public void APolicyWithoutStepLimits_KeepsThreeWorkingDays()
    {
        var json = PolicyJson.Write(Default);
        var start = json.IndexOf("  \"stepLimits\"", StringComparison.Ordinal);
        var end = json.IndexOf("  \"rules\"", StringComparison.Ordinal);
        var old = PolicyJson.Parse(json[..start] + json[end..]);
        Assert.True(old.IsOk, old.ToString());
        Assert.Equal(StepTimeLimits.Standard, old.Value.StepLimits);
        Assert.Equal(TimeLimit.Working(3), old.Value.StepLimits.For(StepKind.CollectiveDecision).Limit);
        Assert.Equal(LimitWatch.DefaultWarningPercent, old.Value.StepLimits.For(StepKind.Review).WarningPercent);
    }

    [Fact]
    public void StepLimits_RoundTripThroughJson()
    {
        var policy = WithLimits(new StepLimit(TimeLimit.Working(4), 75), (StepKind.PublicNotice, new StepLimit(TimeLimit.Calendar(7), 60)), (StepKind.Review, new StepLimit(TimeLimit.Working(2))));
        var json = PolicyJson.Write(policy);
        Assert.Contains("\"publicNotice\": {\n      \"days\": 7,\n      \"count\": \"calendarDays\",\n      \"warningPercent\": 60", json, StringComparison.Ordinal);
        var parsed = PolicyJson.Parse(json);
        Assert.True(parsed.IsOk, parsed.ToString());
        Assert.Equal(policy, parsed.Value);
        Assert.NotEqual(Default, parsed.Value);
    }

    [Theory]
    [InlineData("\"stepLimits\": { \"reveiw\": { \"days\": 3, \"count\": \"workingDays\" } },", "$.stepLimits.reveiw")]
    [InlineData("\"stepLimits\": { \"review\": { \"days\": 3, \"count\": \"weekDays\" } },", "$.stepLimits.review.count")]
    [InlineData("\"stepLimits\": { \"review\": { \"days\": 2.5, \"count\": \"workingDays\" } },", "$.stepLimits.review.days")]
    [InlineData("\"stepLimits\": { \"review\": { \"count\": \"workingDays\" } },", "$.stepLimits.review.days")]
    public void AMalformedStepLimit_IsRefusedWithItsPath(string stepLimits, string path)
    {
        var json = PolicyJson.Write(Default);
        var start = json.IndexOf("  \"stepLimits\"", StringComparison.Ordinal);
        var end = json.IndexOf("  \"rules\"", StringComparison.Ordinal);
        var parsed = PolicyJson.Parse(json[..start] + stepLimits + json[end..]);
        Assert.False(parsed.IsOk);
        Assert.Equal("R40.InvalidPolicy", parsed.Refusal!.Key);
        Assert.StartsWith(path + ":", parsed.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheVerifier_RefusesAZeroLimit_AndAShareOutsideOneToAHundred()
    {
        var policy = WithLimits(new StepLimit(TimeLimit.Working(3), 0), (StepKind.Consent, new StepLimit(TimeLimit.Calendar(0))));
        var failures = PolicyVerifier.Verify(policy, CountyBounds.Default).Failures;
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Message!.Key == "R46.StepWarningShare" && f.Part == "$.stepLimits.default");
        Assert.Contains(failures, f => f.Message!.Key == "R46.StepLimitNotPositive" && f.Part == "$.stepLimits.consent");
        Assert.All(failures, f => Assert.Equal(["R40", "R46"], f.RuleIds));
        Assert.True(PolicyVerifier.Verify(WithLimits(new StepLimit(TimeLimit.Working(1), 100)), CountyBounds.Default).IsValid);
    }
}

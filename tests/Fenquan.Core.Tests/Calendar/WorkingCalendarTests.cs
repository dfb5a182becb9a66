using Fenquan.Core.Calendar;
using FsCheck.Xunit;

namespace Fenquan.Core.Tests.Calendar;

// R46: the official calendar shipped for 2025 and 2026 (the State Council General Office's notices),
// checked on real days: adjusted working weekends, the Spring Festival and National Day bridges, and
// a 20-working-day limit across each of them.
[Trait("Rule", "R46")]
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Official = new(OfficialCalendars.Shipped);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Shipped_Are2025And2026()
    {
        Assert.Equal([2025, 2026], OfficialCalendars.Shipped.Select(y => y.Year));
        Assert.True(Official.IsLoaded(2025));
        Assert.True(Official.IsLoaded(2026));
        Assert.False(Official.IsLoaded(2027));
    }

    [Theory]
    [InlineData("2025-01-26")] // Sunday before the Spring Festival 2025
    [InlineData("2025-09-28")] // Sunday before National Day 2025
    [InlineData("2026-01-04")] // Sunday after New Year 2026
    [InlineData("2026-09-20")] // Sunday before Mid-Autumn and National Day 2026
    public void AnAdjustedWorkingSunday_IsAWorkingDay(string day)
    {
        Assert.Equal(DayOfWeek.Sunday, D(day).DayOfWeek);
        Assert.True(Official.IsWorkingDay(D(day)));
        Assert.False(WorkingCalendar.MondayToFriday.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2025-01-28", "2025-02-04")] // 春节 2025
    [InlineData("2026-02-15", "2026-02-23")] // 春节 2026
    [InlineData("2025-10-01", "2025-10-08")] // 国庆节、中秋节 2025
    [InlineData("2026-10-01", "2026-10-07")] // 国庆节 2026
    public void EveryDayOfTheBridge_Rests_AndTheWeekendsAroundItWork(string from, string to)
    {
        for (var day = D(from); day <= D(to); day = day.AddDays(1))
        {
            Assert.False(Official.IsWorkingDay(day), day.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(0, Official.WorkingDaysBetween(D(from).AddDays(-1), D(to)));
    }

    [Theory]
    [InlineData("2025-01-24", "2025-02-27", "2025-02-21")] // Spring Festival 2025: Sun 26 Jan and Sat 8 Feb work
    [InlineData("2026-02-10", "2026-03-16", "2026-03-10")] // Spring Festival 2026: Sat 14 Feb and Sat 28 Feb work
    [InlineData("2025-09-26", "2025-10-30", "2025-10-24")] // National Day 2025: Sun 28 Sep and Sat 11 Oct work
    [InlineData("2026-09-18", "2026-10-22", "2026-10-16")] // Mid-Autumn and National Day 2026: Sun 20 Sep and Sat 10 Oct work
    public void TwentyWorkingDays_AcrossABridge_EndOnTheOfficialDay(string start, string official, string mondayToFriday)
    {
        Assert.Equal(D(official), Official.AddWorkingDays(D(start), 20));
        Assert.Equal(20, Official.WorkingDaysBetween(D(start), D(official)));
        Assert.Equal(19, Official.WorkingDaysBetween(D(start), D(official).AddDays(-1)));

        // Counting Monday to Friday would have ended elsewhere: the calendar matters.
        Assert.Equal(D(mondayToFriday), WorkingCalendar.MondayToFriday.AddWorkingDays(D(start), 20));

        // A 20-working-day limit started that day: used up on the official day, exceeded the day after.
        var limit = TimeLimit.Working(20);
        Assert.Equal(D(official), limit.DueOn(D(start), Official));
        Assert.Equal(LimitColour.Yellow, LimitWatch.Default.Colour(limit.Used(D(start), D(official), Official), limit.Days));
        Assert.Equal(LimitColour.Red, LimitWatch.Default.Colour(limit.Used(D(start), Official.AddWorkingDays(D(official), 1), Official), limit.Days));
    }

    [Fact]
    public void AYearNotLoaded_CountsMondayToFriday()
    {
        // 2027's notice is not shipped: 1 January 2027 (a Friday) counts as a working day until it is loaded.
        Assert.True(Official.IsWorkingDay(D("2027-01-01")));
        Assert.False(Official.IsWorkingDay(D("2027-01-02")));
        Assert.Equal(WorkingCalendar.MondayToFriday.AddWorkingDays(D("2027-03-01"), 20), Official.AddWorkingDays(D("2027-03-01"), 20));

        // Across the end of 2026 into 2027: 2026's days from the notice, 2027's Monday to Friday.
        Assert.Equal(D("2027-01-05"), Official.AddWorkingDays(D("2026-12-30"), 4));
    }

    [Fact]
    public void ACalendarLimit_CountsEveryDay()
    {
        var notice = TimeLimit.Calendar(7);
        Assert.Equal(D("2026-10-08"), notice.DueOn(D("2026-10-01"), Official));
        Assert.Equal(7, notice.Used(D("2026-10-01"), D("2026-10-08"), Official));
        Assert.Equal("7 calendar days", notice.ToString());
        Assert.Equal("20 working days", TimeLimit.Working(20).ToString());
    }

    [Theory]
    [InlineData(0, LimitColour.Green)]
    [InlineData(15, LimitColour.Green)]
    [InlineData(16, LimitColour.Yellow)]
    [InlineData(20, LimitColour.Yellow)]
    [InlineData(21, LimitColour.Red)]
    public void Colour_IsYellowAtTheShare_RedWhenExceeded(int used, LimitColour colour)
    {
        Assert.Equal(colour, LimitWatch.Default.Colour(used, 20));
        Assert.Equal(used >= 10 && used <= 20 ? LimitColour.Yellow : colour, new LimitWatch(50).Colour(used, 20));
    }

    // Adding n working days and counting them back agree everywhere, across years loaded and not.
    [Property(MaxTest = 500)]
    public bool AddingAndCounting_Agree(ushort offset, byte n)
    {
        var from = DateOnly.FromDayNumber(D("2024-06-01").DayNumber + (offset % 1200));
        var to = Official.AddWorkingDays(from, n);
        return Official.WorkingDaysBetween(from, to) == n && (n == 0 || Official.IsWorkingDay(to));
    }

    [Fact]
    public void AnAdjustedWorkingDay_OnAWeekday_IsRefused()
    {
        var year = new CalendarYear(2027, "国务院办公厅关于2027年部分节假日安排的通知", [new OfficialHoliday("元旦", D("2027-01-01"), D("2027-01-03"))], [D("2027-02-03")]);
        Assert.Equal("R46.AdjustedDayNotWeekend", year.Check().Refusal?.Key);
        Assert.Equal("R46.CalendarHolidayInvalid", (year with { AdjustedWorkingDays = [], Holidays = [new OfficialHoliday("元旦", D("2026-12-31"), D("2027-01-01"))] }).Check().Refusal?.Key);
        Assert.True((year with { AdjustedWorkingDays = [D("2027-02-06")] }).Check().IsOk);
    }

    [Fact]
    public void AYear_RoundTripsThroughItsJson()
    {
        foreach (var year in OfficialCalendars.Shipped)
        {
            Assert.Equal(year, CalendarYear.FromJson(year.ToJson()).Value);
        }

        Assert.False(CalendarYear.FromJson("""{"year":2027,"source":"x","holidays":[],"adjustedWorkingDays":[],"extra":1}""").IsOk);
    }
}

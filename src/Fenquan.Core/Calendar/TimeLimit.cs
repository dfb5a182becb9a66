using System.Globalization;

namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: a time limit always says what it counts — working days on the official calendar or calendar
/// days — so no page ever shows a bare "5 days".
/// </summary>
public readonly record struct TimeLimit(int Days, DayCount Count)
{
    public static TimeLimit Working(int days) => new(days, DayCount.WorkingDays);

    public static TimeLimit Calendar(int days) => new(days, DayCount.CalendarDays);

    /// <summary>The last day within the limit for something that started on <paramref name="start"/>.</summary>
    public DateOnly DueOn(DateOnly start, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Count == DayCount.WorkingDays ? calendar.AddWorkingDays(start, Days) : start.AddDays(Days);
    }

    /// <summary>Days counted from <paramref name="start"/> to <paramref name="today"/> (the start day itself not counted).</summary>
    public int Used(DateOnly start, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Count == DayCount.WorkingDays ? calendar.WorkingDaysBetween(start, today) : Math.Max(0, today.DayNumber - start.DayNumber);
    }

    /// <summary>Invariant text for ledgers and refusals: "20 working days" / "7 calendar days".</summary>
    public override string ToString() =>
        Days.ToString(CultureInfo.InvariantCulture) + (Count == DayCount.WorkingDays ? " working days" : " calendar days");
}

namespace Fenquan.Core.Meetings;

/// <summary>
/// Counting working days for the minutes' signing period: Monday to Friday. The official calendar
/// with holidays and adjusted working days (调休, R46) is not in the core yet; when it is, this
/// counts on it instead.
/// </summary>
public static class WorkingDays
{
    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (0: <paramref name="from"/> itself).</summary>
    public static DateOnly After(DateOnly from, int days)
    {
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return date;
    }
}

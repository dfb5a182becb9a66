namespace Fenquan.Core.Calendar;

/// <summary>
/// The official working-day calendar (R46) over the years loaded: answers whether a day is a working
/// day, the day N working days after another, and how many working days lie between two days. A
/// year not loaded counts Monday to Friday (<see cref="IsLoaded"/> tells the county administrator so).
/// Built once per set of years; every answer is an array lookup or a short loop (docs/performance.md).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly int _start;
    private readonly bool[] _working;

    // _shift[i]: working days minus weekdays (Mon–Fri) among the loaded range's first i days.
    private readonly int[] _shift;
    private readonly HashSet<int> _loaded;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.GroupBy(y => y.Year).Select(g => g.Last()).OrderBy(y => y.Year).ToList();
        Years = list;
        _loaded = [.. list.Select(y => y.Year)];
        if (list.Count == 0)
        {
            _working = [];
            _shift = [0];
            return;
        }

        _start = new DateOnly(list[0].Year, 1, 1).DayNumber;
        var end = new DateOnly(list[^1].Year, 12, 31).DayNumber + 1;
        _working = new bool[end - _start];
        for (var i = 0; i < _working.Length; i++)
        {
            _working[i] = IsWeekday(_start + i);
        }

        foreach (var year in list)
        {
            foreach (var holiday in year.Holidays)
            {
                for (var day = holiday.From.DayNumber; day <= holiday.To.DayNumber; day++)
                {
                    _working[day - _start] = false;
                }
            }

            foreach (var day in year.AdjustedWorkingDays)
            {
                _working[day.DayNumber - _start] = true;
            }
        }

        _shift = new int[_working.Length + 1];
        for (var i = 0; i < _working.Length; i++)
        {
            _shift[i + 1] = _shift[i] + (_working[i] ? 1 : 0) - (IsWeekday(_start + i) ? 1 : 0);
        }
    }

    /// <summary>Monday to Friday for every year: what counts where no year is loaded.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new([]);

    /// <summary>The years loaded, in order.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>Whether <paramref name="year"/>'s notice is loaded; if not, that year counts Monday to Friday.</summary>
    public bool IsLoaded(int year) => _loaded.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        var index = day.DayNumber - _start;
        return unchecked((uint)index < (uint)_working.Length) ? _working[index] : IsWeekday(day.DayNumber);
    }

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (0: <paramref name="from"/> itself).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from.DayNumber;
        for (var counted = 0; counted < days;)
        {
            day++;
            var index = day - _start;
            if (unchecked((uint)index < (uint)_working.Length) ? _working[index] : IsWeekday(day))
            {
                counted++;
            }
        }

        return DateOnly.FromDayNumber(day);
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        to <= from ? 0 : WorkingDaysBefore(to.DayNumber + 1) - WorkingDaysBefore(from.DayNumber + 1);

    // Working days whose day number is below n (day 0, 0001-01-01, was a Monday).
    private int WorkingDaysBefore(int n)
    {
        var weekdays = (n / 7 * 5) + Math.Min(n % 7, 5);
        var index = Math.Clamp(n - _start, 0, _working.Length);
        return weekdays + _shift[index];
    }

    private static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;
}

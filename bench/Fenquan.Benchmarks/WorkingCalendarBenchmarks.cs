using BenchmarkDotNet.Attributes;
using Fenquan.Core.Calendar;

namespace Fenquan.Benchmarks;

/// <summary>Target (issue 17, R46): working-day arithmetic under 1 µs per call, on the shipped official calendar.</summary>
[MemoryDiagnoser]
public class WorkingCalendarBenchmarks
{
    private readonly WorkingCalendar _calendar = new(OfficialCalendars.Shipped);
    private readonly DateOnly _beforeSpringFestival = new(2026, 2, 10);
    private readonly DateOnly _afterNationalDay = new(2026, 10, 22);
    private readonly DateOnly _adjustedSunday = new(2026, 9, 20);

    [Benchmark(Description = "Is working day (adjusted Sunday)")]
    public bool IsWorkingDay() => _calendar.IsWorkingDay(_adjustedSunday);

    [Benchmark(Description = "Add 20 working days across the Spring Festival")]
    public DateOnly Add20() => _calendar.AddWorkingDays(_beforeSpringFestival, 20);

    [Benchmark(Description = "Working days between (8 months)")]
    public int Between() => _calendar.WorkingDaysBetween(_beforeSpringFestival, _afterNationalDay);

    [Benchmark(Description = "Build the calendar of 2025 and 2026")]
    public WorkingCalendar Build() => new(OfficialCalendars.Shipped);
}

using System.Globalization;
using System.Text.Json;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Calendar;

/// <summary>
/// One year of the official working-day calendar (R46), as the State Council General Office's yearly
/// notice on holiday arrangements sets it: the holidays (inclusive ranges) and the weekend days that
/// are working days (调休上班). Every other Saturday and Sunday rests, every other weekday works.
/// The county administrator adds a year when its notice is published; it takes effect when a second
/// county official confirms it (<see cref="CountyChangeSubject.WorkingCalendarYear"/>, four eyes).
/// JSON: <c>{"year":2026,"source":"…","holidays":[{"name":"春节","from":"2026-02-15","to":"2026-02-23"}],"adjustedWorkingDays":["2026-02-14"]}</c>.
/// </summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<OfficialHoliday> Holidays, IReadOnlyList<DateOnly> AdjustedWorkingDays)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxSource = 500;

    /// <summary>The county change subject id of a year: each year forms its own line of proposals.</summary>
    public static Guid SubjectIdOf(int year) => new(year, 0, 0, new byte[8]);

    public bool Equals(CalendarYear? other) =>
        other is not null && Year == other.Year && Source == other.Source && Holidays.SequenceEqual(other.Holidays) && AdjustedWorkingDays.SequenceEqual(other.AdjustedWorkingDays);

    public override int GetHashCode() => Year;

    public string ToJson() => JsonSerializer.Serialize(this, RegisterJson.Options);

    /// <summary>A year from its JSON, checked (<see cref="Check"/>).</summary>
    public static Result<CalendarYear> FromJson(string json)
    {
        var year = RegisterJson.Read<CalendarYear>(json, "calendar year");
        return year.IsOk ? year.Value.Check() : year.Refusal!;
    }

    /// <summary>
    /// R46: every date lies in the year; a holiday has a name and runs forwards; an adjusted working
    /// day is a Saturday or Sunday outside every holiday (a weekday works anyway).
    /// </summary>
    public Result<CalendarYear> Check()
    {
        var year = Year.ToString(CultureInfo.InvariantCulture);
        if (Year is < MinYear or > MaxYear)
        {
            return Refusal.Because("R46", "CalendarYearOutOfRange", "A calendar year is between 2000 and 2100; {year} is not.", ("year", year));
        }

        var source = Source?.Trim() ?? string.Empty;
        if (source.Length is 0 or > MaxSource)
        {
            return Refusal.Because("R46", "CalendarSourceMissing", "The calendar of {year} names the notice it comes from.", ("year", year));
        }

        var holidays = Holidays ?? [];
        foreach (var holiday in holidays)
        {
            if (string.IsNullOrWhiteSpace(holiday?.Name) || holiday.From.Year != Year || holiday.To.Year != Year || holiday.To < holiday.From)
            {
                return Refusal.Because("R46", "CalendarHolidayInvalid", "Every holiday of {year} has a name and a date range within the year, from its first day to its last.", ("year", year));
            }
        }

        var adjusted = (AdjustedWorkingDays ?? []).Order().ToList();
        foreach (var day in adjusted)
        {
            if (day.Year != Year || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || holidays.Any(h => h.From <= day && day <= h.To))
            {
                return Refusal.Because("R46", "AdjustedDayNotWeekend", "{day} is not a Saturday or Sunday of {year} outside the holidays: only such a day can be an adjusted working day (调休上班).",
                    ("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("year", year));
            }
        }

        return Result<CalendarYear>.Ok(this with
        {
            Source = source,
            Holidays = [.. holidays.OrderBy(h => h.From).Select(h => h with { Name = h.Name.Trim() })],
            AdjustedWorkingDays = [.. adjusted.Distinct()],
        });
    }
}

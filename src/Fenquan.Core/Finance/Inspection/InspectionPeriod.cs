using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// The period a voucher inspection covers (R8): a quarter by default, or any whole number of months
/// that divides the year (1, 2, 3, 4, 6, 12). It ends at midnight China Standard Time (UTC+8, the
/// whole country's one zone, no daylight saving) of the day after its last day; the seed is a
/// checkpoint signed after that instant.
/// </summary>
public readonly record struct InspectionPeriod(int Year, int Months, int Number)
{
    public static readonly TimeSpan ChinaOffset = Primitives.ChinaTime.Offset;

    public DateOnly Start => new(Year, ((Number - 1) * Months) + 1, 1);

    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    /// <summary>The instant the period is over (00:00 UTC+8 on the day after <see cref="End"/>).</summary>
    public DateTimeOffset EndsAt => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>The stored and displayed key: <c>2026Q3</c> for quarters, <c>2026M06-2</c> (second six-month period) otherwise.</summary>
    public string Key => Months == 3
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}M{Months:D2}-{Number}");

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public static bool ValidMonths(int months) => months is 1 or 2 or 3 or 4 or 6 or 12;

    public static Result<InspectionPeriod> Of(int year, int months, int number) =>
        !ValidMonths(months) || year is < 2000 or > 9998 || number < 1 || number > 12 / months
            ? Refusal.Because(Refusal.InvalidId, "PeriodInvalid", "An inspection period is a year, a length in months that divides the year (1, 2, 3, 4, 6, 12) and its number within the year (1 to {count}).", ("count", (ValidMonths(months) ? 12 / months : 12).ToString(CultureInfo.InvariantCulture)))
            : Result<InspectionPeriod>.Ok(new InspectionPeriod(year, months, number));

    /// <summary>The last period that is over on <paramref name="today"/>.</summary>
    public static InspectionPeriod LastEndedBefore(DateOnly today, int months)
    {
        var index = (today.Month - 1) / months; // the running period's number minus one
        return index == 0 ? new InspectionPeriod(today.Year - 1, months, 12 / months) : new InspectionPeriod(today.Year, months, index);
    }

    /// <summary>Reads a key as <see cref="Key"/> writes it.</summary>
    public static Result<InspectionPeriod> Parse(string? key)
    {
        var text = key?.Trim() ?? string.Empty;
        if (text.Length == 6 && text[4] == 'Q' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var q))
        {
            return Of(y, 3, q);
        }

        if (text.Length >= 9 && text[4] == 'M' && text[7] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            && int.TryParse(text.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Of(year, months, number);
        }

        return Refusal.Because(Refusal.InvalidId, "PeriodText", "An inspection period is written 2026Q3 (a quarter) or 2026M06-2 (months, number).");
    }

    public override string ToString() => Key;
}

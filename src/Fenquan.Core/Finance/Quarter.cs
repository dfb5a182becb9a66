using System.Globalization;

namespace Fenquan.Core.Finance;

/// <summary>A calendar quarter (R9: income and expenditure are disclosed every quarter), written 2026Q1.</summary>
public readonly record struct Quarter
{
    public Quarter(int year, int number)
    {
        if (year is < 2000 or > 2100 || number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "A quarter is 1 to 4 of a year from 2000 to 2100.");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public DateOnly First => new(Year, (3 * Number) - 2, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public Quarter Previous() => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Of(DateOnly day) => new(day.Year, ((day.Month - 1) / 3) + 1);

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    /// <summary>Reads 2026Q1 (or 2026-Q1, 2026q1).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var t = text?.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() ?? string.Empty;
        if (t.Length == 6 && t[4] == 'Q' && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 2100 && t[5] is >= '1' and <= '4')
        {
            quarter = new Quarter(year, t[5] - '0');
            return true;
        }

        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    /// <summary>2026年第1季度.</summary>
    public string Chinese => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{Number}季度");
}

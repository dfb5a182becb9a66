namespace Fenquan.Core.Calendar;

/// <summary>
/// The years of the official calendar shipped with Fenquan (the State Council General Office's
/// notices for 2025 and 2026, embedded from <c>Calendar/Official/*.json</c>). A county's confirmed
/// version of a year replaces the shipped one; later years are added by the county (four eyes).
/// </summary>
public static class OfficialCalendars
{
    private static readonly Lazy<IReadOnlyList<CalendarYear>> Loaded = new(Load);

    public static IReadOnlyList<CalendarYear> Shipped => Loaded.Value;

    private static IReadOnlyList<CalendarYear> Load()
    {
        var assembly = typeof(OfficialCalendars).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Fenquan.Core.Calendar.Official.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            years.Add(CalendarYear.FromJson(reader.ReadToEnd()).Value);
        }

        return years;
    }
}

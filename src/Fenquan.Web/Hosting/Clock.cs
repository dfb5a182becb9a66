using Microsoft.Extensions.Options;

namespace Fenquan.Web.Hosting;

/// <summary>"Today" in the county's time zone: roles are taken on this date.</summary>
public sealed class Clock(TimeProvider time, IOptions<FenquanOptions> options) : Data.Queries.ILocalDays
{
    private readonly TimeZoneInfo _zone = Find(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    /// <summary>The local date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>The instant a local day ends (the next day's midnight): a limit due on that day is exceeded from then.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // China Standard Time has no daylight saving: a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}

/// <summary>
/// The system clock truncated to whole microseconds, as the ledger writer keeps its own time
/// (PostgreSQL stores microseconds; R44 tree heads must read back as signed). Times the web layer
/// stamps itself (a delegation starting "now") then compare consistently with the writer's.
/// </summary>
public sealed class MicrosecondTimeProvider : TimeProvider
{
    public static MicrosecondTimeProvider Instance { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

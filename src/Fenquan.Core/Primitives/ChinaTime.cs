namespace Fenquan.Core.Primitives;

/// <summary>China Standard Time (UTC+8, no daylight saving): the day a county's rules count in.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The day in China at the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}

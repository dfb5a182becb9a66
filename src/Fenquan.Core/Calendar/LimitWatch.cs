namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: yellow when <see cref="WarningPercent"/> of a limit is used, red when it is exceeded. The
/// share is configurable (default 80 %); the colour is always derived from the days used, never set.
/// </summary>
public sealed record LimitWatch(int WarningPercent = LimitWatch.DefaultWarningPercent)
{
    public const int DefaultWarningPercent = 80;

    public static LimitWatch Default { get; } = new();

    public LimitColour Colour(int used, int limit)
    {
        if (used > limit)
        {
            return LimitColour.Red;
        }

        // Yellow from the first day at which the used share reaches the warning share.
        var percent = Math.Clamp(WarningPercent, 1, 100);
        return (long)used * 100 >= (long)limit * percent ? LimitColour.Yellow : LimitColour.Green;
    }
}

namespace Fenquan.Data.Demo;

/// <summary>
/// The simulated clock the demo's history is written on. It only moves forward, and never past
/// <c>until</c> (just before the real now), so nothing the demo writes is dated in the future.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start, DateTimeOffset until) : TimeProvider
{
    private DateTimeOffset _now = start < until ? start : until;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => MoveTo(_now + by);

    /// <summary>Moves to <paramref name="at"/> if that is later (and not past the end).</summary>
    public void MoveTo(DateTimeOffset at)
    {
        var to = at < until ? at : until;
        if (to > _now)
        {
            _now = to;
        }
    }
}

namespace Fenquan.Core.Flags;

/// <summary>
/// The batch scan's core (R47): one pass over a unit's purchases of one supplier (or category) in
/// order of day of submission, keeping the purchases of the last <see cref="FlagSettings.WindowDays"/>
/// days in a ring and their running sum. Each purchase is checked against the purchases before it,
/// exactly as <see cref="FlagChecks.SplitPurchase"/> checks it at submission, and for hugging its
/// limit; the caller calls <see cref="StartGroup"/> when unit or supplier changes. O(1) amortised per
/// purchase, memory bounded by the densest window; lists are made only for a hit.
/// </summary>
public sealed class SplitWindow
{
    private const long ShareScale = 1_000_000;
    private readonly int _windowDays;
    private readonly long _hugNumerator;
    private Entry[] _ring = new Entry[64];
    private int _head;
    private int _count;
    private long _sum;

    public SplitWindow(FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _windowDays = settings.WindowDays;
        _hugNumerator = (long)decimal.Round(settings.HuggingShare * ShareScale, 0);
    }

    /// <summary>A new unit and supplier (or category): the window empties.</summary>
    public void StartGroup()
    {
        _head = 0;
        _count = 0;
        _sum = 0;
    }

    /// <summary>Whether the amount hugs the limit: in [share × limit, limit] (integer arithmetic in fen).</summary>
    public bool Hugs(long amountFen, long? limitFen) =>
        limitFen is { } limit && amountFen > 0 && amountFen <= limit && amountFen * ShareScale >= _hugNumerator * limit;

    /// <summary>
    /// Adds the next purchase of the group and says whether it completes a split purchase: the
    /// earlier purchases in its window, each at or under its limit, with it over the limit. Null: no flag.
    /// </summary>
    public SplitHit? Add(Guid id, int day, long amountFen, long? limitFen)
    {
        while (_count > 0 && day - _ring[_head].Day > _windowDays)
        {
            _sum -= _ring[_head].Amount;
            _head = (_head + 1) & (_ring.Length - 1);
            _count--;
        }

        SplitHit? hit = null;
        if (limitFen is { } limit && amountFen <= limit && _count > 0 && _sum + amountFen > limit)
        {
            hit = Exact(amountFen, limit);
        }

        if (_count == _ring.Length)
        {
            Grow();
        }

        _ring[(_head + _count) & (_ring.Length - 1)] = new Entry(id, day, amountFen);
        _count++;
        _sum += amountFen;
        return hit;
    }

    // The running sum counts every purchase in the window; the flag counts only those at or under
    // this purchase's limit (limits differ when the policy changed), so a candidate is summed exactly.
    private SplitHit? Exact(long amountFen, long limit)
    {
        var total = amountFen;
        var others = new List<Guid>();
        for (var i = 0; i < _count; i++)
        {
            var entry = _ring[(_head + i) & (_ring.Length - 1)];
            if (entry.Amount <= limit)
            {
                total += entry.Amount;
                others.Add(entry.Id);
            }
        }

        return others.Count > 0 && total > limit ? new SplitHit(limit, total, others) : null;
    }

    private void Grow()
    {
        var bigger = new Entry[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        }

        _ring = bigger;
        _head = 0;
    }

    private readonly record struct Entry(Guid Id, int Day, long Amount);
}

/// <summary>A split purchase found by the scan: the limit and total in fen, and the other purchases' ids in order.</summary>
public sealed record SplitHit(long LimitFen, long TotalFen, IReadOnlyList<Guid> Others);

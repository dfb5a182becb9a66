using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Microsoft.Extensions.Caching.Memory;

namespace Fenquan.Data.Queries;

/// <summary>A home panel's figures and when they were read (the page labels them "as of" that time).</summary>
public sealed record Kept<T>(T Value, DateTimeOffset ReadAt);

/// <summary>
/// The home pages' figures (<see cref="HomeQueries"/>), kept up to <see cref="MaxAge"/>: a home is a
/// landing page that must answer at once, and counting a unit of 200,000 matters takes a tenth of a
/// second of the database each time. An entry is keyed by the panel, the county and unit the core's
/// <see cref="HomeView"/> decided for the viewer, and anything else its read depends on (the month,
/// the viewer's person for a list the core filters per viewer), so one unit's or one viewer's
/// figures are never another's. Bounded by count (each entry has size 1; past
/// <see cref="MaxEntries"/> MemoryCache evicts the least recently used). Requests missing the same
/// entry at the same moment each read it: a home reads in a few hundred milliseconds at most, and
/// the next minute's requests find it kept.
/// </summary>
public sealed class HomeFiguresCache(TimeProvider time) : IDisposable
{
    /// <summary>How stale a kept figure may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private const int MaxEntries = 2_000;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    /// <summary>Reads done (not found kept), for tests.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    private long _reads;

    /// <summary>
    /// The kept figures of <paramref name="panel"/> for the unit (or the county, for a county panel) if
    /// read less than <see cref="MaxAge"/> ago; else reads them with <paramref name="read"/> and keeps them.
    /// </summary>
    /// <param name="detail">What else the figures depend on (a month, a viewer), part of the key.</param>
    public async Task<Kept<T>> GetOrReadAsync<T>(HomePanel panel, CountyId county, UnitId? unit, string detail, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(detail);
        var key = (panel, county, unit, detail, typeof(T));
        if (_entries.TryGetValue(key, out Kept<T>? kept) && kept is not null && time.GetUtcNow() - kept.ReadAt < MaxAge)
        {
            return kept;
        }

        // The time before the read: the figures are at least this recent.
        var readAt = time.GetUtcNow();
        var value = await read();
        Interlocked.Increment(ref _reads);
        kept = new Kept<T>(value, readAt);
        _entries.Set(key, kept, new MemoryCacheEntryOptions { Size = 1 });
        return kept;
    }

    public void Dispose() => _entries.Dispose();
}

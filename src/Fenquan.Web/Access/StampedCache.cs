using System.Collections.Concurrent;
using Fenquan.Data.Ledger;

namespace Fenquan.Web.Access;

/// <summary>
/// Values kept between requests while a county's <see cref="ChangeStamps"/> stamp stays the one read
/// before the value was loaded (the writer changes it after every commit that could change the
/// value), and for at most <see cref="MaxAge"/> (a bound on what another process writing the same
/// database could leave stale). Thread-safe; values must be read-only, as requests share them.
/// </summary>
public sealed class StampedCache<TKey, TValue>(ChangeStamps stamps, TimeProvider time, int maxEntries)
    where TKey : notnull
    where TValue : class
{
    /// <summary>The longest an entry is used, whatever the stamps say.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    /// <summary>The kept value for <paramref name="key"/>, or what <paramref name="load"/> gives (kept unless null).</summary>
    public async Task<TValue?> GetOrLoadAsync(TKey key, Fenquan.Core.Primitives.CountyId county, Func<Task<TValue?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var stamp = stamps.Of(county);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var known) && known.Stamp == stamp && now - known.LoadedAt < MaxAge)
        {
            return known.Value;
        }

        var loaded = await load();
        if (loaded is not null)
        {
            if (_entries.Count >= maxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(loaded, stamp, now);
        }

        return loaded;
    }

    private sealed record Entry(TValue Value, ChangeStamp Stamp, DateTimeOffset LoadedAt);
}

using System.Collections.Concurrent;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Fenquan.Data.Queries;

/// <summary>
/// The task candidates of a unit for a set of roles, kept between requests: every workbench page
/// and task list needs them, and loading a few hundred pending matters whole with their actions is
/// most of a deciding role's page. An entry is used as it is while its county's matter stamp
/// (<see cref="LedgerWriter.MatterStamps"/>, changed by the writer after every commit that changes a
/// matter, action or change) is the one read before it was loaded. When the stamp has moved and the
/// writer named the matters it changed (<see cref="ChangeStamps.TryChangedSince"/>), only those
/// matters are read again and replaced in the entry: a unit where matters are submitted and acted on
/// all day would otherwise load all its candidates again for nearly every page. An entry loaded whole
/// more than 30 s ago (<see cref="MaxAge"/>, the safety net against changes the writer did not journal,
/// e.g. another process writing) is loaded whole again in the background while requests go on being
/// served refreshed by parts. Anything else (no entry, a failed batch, more changes than are
/// remembered) loads everything again first, once for all the requests that need it at the same time. The core still decides, per request and per viewer, which
/// of them wait for the viewer. The matters are read-only values here (nothing in the web layer
/// changes a loaded matter), so requests may share them. Entries and task lists live in two
/// MemoryCaches of at most <see cref="MaxEntries"/> entries each (least recently used evicted first).
/// </summary>
public sealed class PendingMattersCache(FenquanStore store, TimeProvider time) : IDisposable
{
    /// <summary>The longest an entry is refreshed by parts before it is loaded whole again (in the background).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>Past this many changed matters an entry is loaded whole again.</summary>
    public const int MaxRefreshed = 500;

    private const int MaxEntries = 1_000;

    // Bounded by count (each entry has size 1): past the limit MemoryCache evicts the least recently used.
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly MemoryCache _tasks = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly ConcurrentDictionary<(CountyId County, UnitId Unit, string Roles, bool Every), Task<PendingCandidates>> _loading = new();

    /// <summary>Entries refreshed by parts so far (for tests and metrics).</summary>
    public long Refreshed => Interlocked.Read(ref _refreshed);

    private long _refreshed;

    /// <param name="load">Loads the candidates whole.</param>
    /// <param name="reload">Reads the candidates among the given matter ids (those no longer candidates are simply not returned).</param>
    public async Task<PendingCandidates> GetOrLoadAsync(
        CountyId county, UnitId unit, string rolesKey, bool everyMatter, Func<Task<PendingCandidates>> load, Func<IReadOnlySet<Guid>, Task<PendingCandidates>> reload)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(reload);
        var key = (county, unit, rolesKey, everyMatter);
        if (await KeptOrRefreshedAsync(key, reload, load) is { } kept)
        {
            return kept;
        }

        // One whole load per entry at a time: requests arriving meanwhile wait for it, then refresh
        // what it loaded by the matters changed since (so none of them misses a change it may have
        // made itself just before), instead of each loading thousands of matters at once.
        while (true)
        {
            var loading = new TaskCompletionSource<PendingCandidates>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_loading.TryAdd(key, loading.Task))
            {
                return await LoadWholeAsync(key, loading, load);
            }

            if (_loading.TryGetValue(key, out var running))
            {
                try
                {
                    await running;
                }
                catch (Exception)
                {
                    // The request that started it hears the failure; this one tries again.
                }
            }

            if (await KeptOrRefreshedAsync(key, reload, load) is { } after)
            {
                return after;
            }
        }
    }

    /// <summary>Entries loaded whole so far (for tests and metrics).</summary>
    public long LoadedWhole => Interlocked.Read(ref _loadedWhole);

    private long _loadedWhole;

    /// <summary>
    /// The kept entry when it is current, or refreshed by the matters changed since; null when it must
    /// be loaded whole. An entry past <see cref="MaxAge"/> that can still be refreshed by parts is, and
    /// is loaded whole again in the background (once), replacing it when done: the requests meanwhile
    /// do not wait for thousands of matters to load.
    /// </summary>
    private async Task<PendingCandidates?> KeptOrRefreshedAsync(
        (CountyId County, UnitId, string, bool) key, Func<IReadOnlySet<Guid>, Task<PendingCandidates>> reload, Func<Task<PendingCandidates>> load)
    {
        var stamps = store.Writer.MatterStamps;
        var stamp = stamps.Of(key.County);
        var now = time.GetUtcNow();
        if (!_entries.TryGetValue(key, out Entry? known) || known is null)
        {
            return null;
        }

        var old = now - known.LoadedAt >= MaxAge;
        if (known.Stamp == stamp)
        {
            if (old)
            {
                LoadInBackground(key, load);
            }

            return known.Candidates;
        }

        if (!stamps.TryChangedSince(key.County, known.Stamp, stamp, out var changed) || changed.Count > MaxRefreshed)
        {
            return null;
        }

        if (old)
        {
            LoadInBackground(key, load);
        }

        var refreshed = known.Candidates.With(changed, await reload(changed));

        // Stamped with the stamp read before reading the changed matters, as a whole load is.
        Keep(key, new Entry(refreshed, stamp, known.LoadedAt));
        Interlocked.Increment(ref _refreshed);
        return refreshed;
    }

    /// <summary>Starts a whole load of the entry on the thread pool unless one is running; it replaces the entry when done.</summary>
    private void LoadInBackground((CountyId County, UnitId, string, bool) key, Func<Task<PendingCandidates>> load)
    {
        var loading = new TaskCompletionSource<PendingCandidates>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_loading.TryAdd(key, loading.Task))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await LoadWholeAsync(key, loading, load);
            }
            catch (Exception)
            {
                // Nobody waits for it: the entry stays as it is, and a later request tries again.
            }
        });
    }

    /// <summary>Loads the entry whole and keeps it, completing <paramref name="loading"/> (registered in <c>_loading</c>) for the requests waiting for it.</summary>
    private async Task<PendingCandidates> LoadWholeAsync((CountyId County, UnitId, string, bool) key, TaskCompletionSource<PendingCandidates> loading, Func<Task<PendingCandidates>> load)
    {
        try
        {
            var stamp = store.Writer.MatterStamps.Of(key.County);
            var now = time.GetUtcNow();
            var loaded = await load();
            Keep(key, new Entry(loaded, stamp, now));
            Interlocked.Increment(ref _loadedWhole);
            loading.SetResult(loaded);
            return loaded;
        }
        catch (Exception exception)
        {
            loading.SetException(exception);
            _ = loading.Task.Exception; // observed here: whoever waited loads again itself
            throw;
        }
        finally
        {
            _loading.TryRemove(KeyValuePair.Create(key, loading.Task));
        }
    }

    /// <summary>
    /// The viewer's ordered tasks among <paramref name="candidates"/>, as <paramref name="decide"/> gives
    /// them for a set of matters (ordered by <see cref="TaskOrder"/>). Deciding, dating and sorting every
    /// candidate was most of the page for a viewer with thousands of tasks, so the list is kept per
    /// viewer with the candidates and organisation view it came from. It is served as kept while both
    /// are the same; when the candidates were refreshed by parts from those it came from, only the
    /// replaced matters are decided again and merged in. Either way only until the first task that was
    /// not yet overdue reaches its due date (then every overdue flag is decided again), and anything
    /// else decides all candidates again.
    /// </summary>
    public IReadOnlyList<TaskItem> TasksFor(
        CountyId county, PersonId person, PendingCandidates candidates, object org, DateTimeOffset now, DateTimeOffset endOfToday, Func<IEnumerable<Matter>, List<TaskItem>> decide)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(decide);
        List<TaskItem> tasks;
        if (_tasks.TryGetValue((county, person), out KeptTaskList? kept) && kept is not null && ReferenceEquals(kept.Org, org) && now <= kept.ValidUntil)
        {
            if (ReferenceEquals(kept.Candidates, candidates))
            {
                Interlocked.Increment(ref _tasksReused);
                return kept.Tasks;
            }

            if (candidates.Previous is { } previous && previous.TryGetTarget(out var before) && ReferenceEquals(before, kept.Candidates))
            {
                tasks = Merge(kept.Tasks.Where(t => !candidates.Changed.Contains(t.Matter.Id.Value)), decide(candidates.Fresh));
                Interlocked.Increment(ref _tasksPatched);
                KeepTasks(county, person, candidates, org, tasks, now, endOfToday);
                return tasks;
            }
        }

        tasks = decide(candidates.Matters);
        KeepTasks(county, person, candidates, org, tasks, now, endOfToday);
        return tasks;
    }

    /// <summary>Task lists served as kept so far (for tests and metrics).</summary>
    public long TasksReused => Interlocked.Read(ref _tasksReused);

    /// <summary>Task lists patched by the matters a refresh replaced so far (for tests and metrics).</summary>
    public long TasksPatched => Interlocked.Read(ref _tasksPatched);

    private long _tasksReused;
    private long _tasksPatched;

    /// <summary>Forgets every kept task list (for tests that compare a patched list with one decided whole).</summary>
    public void ForgetTasks() => _tasks.Clear();

    /// <summary>Releases the two memory caches.</summary>
    public void Dispose()
    {
        _entries.Dispose();
        _tasks.Dispose();
    }

    private void KeepTasks(CountyId county, PersonId person, PendingCandidates candidates, object org, List<TaskItem> tasks, DateTimeOffset now, DateTimeOffset endOfToday)
    {
        // Valid until the first task that is not overdue yet becomes overdue (the list is in due order),
        // and while one is not overdue, no later than the end of the day, when it may turn yellow (R46).
        var validUntil = tasks.FirstOrDefault(t => t.Due >= now)?.Due ?? DateTimeOffset.MaxValue;
        if (tasks.Any(t => !t.Overdue) && endOfToday < validUntil)
        {
            validUntil = endOfToday;
        }

        _tasks.Set((county, person), new KeptTaskList(candidates, org, tasks, validUntil), new MemoryCacheEntryOptions { Size = 1 });
    }

    /// <summary>Two task lists, each in <see cref="TaskOrder"/>, as one in that order.</summary>
    private static List<TaskItem> Merge(IEnumerable<TaskItem> kept, List<TaskItem> fresh)
    {
        var merged = new List<TaskItem>();
        var next = 0;
        foreach (var task in kept)
        {
            while (next < fresh.Count && TaskOrder.Instance.Compare(fresh[next], task) < 0)
            {
                merged.Add(fresh[next++]);
            }

            merged.Add(task);
        }

        while (next < fresh.Count)
        {
            merged.Add(fresh[next++]);
        }

        return merged;
    }

    private void Keep((CountyId, UnitId, string, bool) key, Entry entry)
    {
        _entries.Set(key, entry, new MemoryCacheEntryOptions { Size = 1 });
    }

    private sealed record Entry(PendingCandidates Candidates, ChangeStamp Stamp, DateTimeOffset LoadedAt);

    private sealed record KeptTaskList(PendingCandidates Candidates, object Org, List<TaskItem> Tasks, DateTimeOffset ValidUntil);
}

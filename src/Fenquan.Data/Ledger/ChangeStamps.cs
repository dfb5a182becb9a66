using System.Collections.Concurrent;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Ledger;

/// <summary>
/// A stamp per county for one kind of rows (the organisation: memberships, portfolio assignments,
/// people, units, the county, policy versions; or the matters: matters, actions, changes), changed
/// by the writer AFTER the commit that changed such rows: a reader stamps what it loads with the
/// stamp it read BEFORE loading, so a load that may have raced a change carries the old stamp and is
/// dropped. Thread-safe; read by request threads, bumped by the writer.
/// <para>
/// A bump may name the rows it changed (for matters: the matter ids). The last
/// <see cref="JournalSize"/> of them are kept per county, so a reader holding an older stamp can ask
/// which rows changed since (<see cref="TryChangedSince"/>) and refresh only those instead of
/// loading everything again. A bump that names nothing (or too much) means "anything may have changed".
/// </para>
/// </summary>
public sealed class ChangeStamps
{
    /// <summary>Changed ids remembered per county.</summary>
    public const int JournalSize = 4096;

    private readonly ConcurrentDictionary<CountyId, long> _counties = new();
    private readonly ConcurrentDictionary<CountyId, Journal> _journals = new();
    private long _epoch;

    /// <summary>The county's current stamp; it changes whenever the county's rows of this kind may have changed.</summary>
    public ChangeStamp Of(CountyId county) => new(Volatile.Read(ref _epoch), _counties.GetValueOrDefault(county));

    internal void Bump(CountyId county) => Bump(county, changed: null);

    /// <summary>Bumps the county's stamp, naming the rows changed (null: unknown, anything may have changed).</summary>
    internal void Bump(CountyId county, IReadOnlyCollection<Guid>? changed)
    {
        var journal = _journals.GetOrAdd(county, _ => new Journal());
        lock (journal)
        {
            // Journalled before the stamp moves: a reader that sees the new stamp finds its ids.
            var next = _counties.GetValueOrDefault(county) + 1;
            journal.Add(next, changed);
            _counties[county] = next;
        }
    }

    /// <summary>Everything may have changed (a failed batch, another writer): every stamp changes.</summary>
    internal void BumpAll() => Interlocked.Increment(ref _epoch);

    /// <summary>
    /// The ids changed in the county after <paramref name="since"/> up to at least <paramref name="now"/>
    /// (both read from <see cref="Of"/>), when every bump in between named them and they are still
    /// remembered; false when the reader must load everything again.
    /// </summary>
    public bool TryChangedSince(CountyId county, ChangeStamp since, ChangeStamp now, out IReadOnlySet<Guid> changed)
    {
        changed = new HashSet<Guid>();
        if (since.Epoch != now.Epoch || since.County > now.County || !_journals.TryGetValue(county, out var journal))
        {
            return since == now;
        }

        lock (journal)
        {
            return journal.TryCollect(since.County, now.County, (HashSet<Guid>)changed);
        }
    }

    private sealed class Journal
    {
        private readonly Queue<(long Stamp, Guid Id)> _ids = new();

        // Every bump after this stamp is journalled whole.
        private long _completeAfter;

        public void Add(long stamp, IReadOnlyCollection<Guid>? changed)
        {
            if (changed is null || changed.Count > JournalSize)
            {
                _ids.Clear();
                _completeAfter = stamp;
                return;
            }

            foreach (var id in changed)
            {
                _ids.Enqueue((stamp, id));
            }

            while (_ids.Count > JournalSize)
            {
                // A bump's ids leave together: its stamp is no longer complete.
                var dropped = _ids.Dequeue().Stamp;
                while (_ids.Count > 0 && _ids.Peek().Stamp == dropped)
                {
                    _ids.Dequeue();
                }

                _completeAfter = dropped;
            }
        }

        public bool TryCollect(long since, long upTo, HashSet<Guid> changed)
        {
            if (since < _completeAfter)
            {
                return false;
            }

            foreach (var (stamp, id) in _ids)
            {
                if (stamp > since && stamp <= upTo)
                {
                    changed.Add(id);
                }
            }

            return true;
        }
    }
}

/// <summary>A stamp from <see cref="ChangeStamps.Of"/>; equal stamps mean nothing changed in between.</summary>
public readonly record struct ChangeStamp(long Epoch, long County);

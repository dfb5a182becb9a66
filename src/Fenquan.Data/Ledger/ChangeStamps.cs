using System.Collections.Concurrent;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Ledger;

/// <summary>
/// A stamp per county for one kind of rows (the organisation: memberships, portfolio assignments,
/// people, units, the county, policy versions; or the matters: matters, actions, changes), changed
/// by the writer AFTER the commit that changed such rows: a reader stamps what it loads with the
/// stamp it read BEFORE loading, so a load that may have raced a change carries the old stamp and is
/// dropped. Thread-safe; read by request threads, bumped by the writer.
/// </summary>
public sealed class ChangeStamps
{
    private readonly ConcurrentDictionary<CountyId, long> _counties = new();
    private long _epoch;

    /// <summary>The county's current stamp; it changes whenever the county's rows of this kind may have changed.</summary>
    public ChangeStamp Of(CountyId county) => new(Volatile.Read(ref _epoch), _counties.GetValueOrDefault(county));

    internal void Bump(CountyId county) => _counties.AddOrUpdate(county, 1, (_, v) => v + 1);

    /// <summary>Everything may have changed (a failed batch, another writer): every stamp changes.</summary>
    internal void BumpAll() => Interlocked.Increment(ref _epoch);
}

/// <summary>A stamp from <see cref="ChangeStamps.Of"/>; equal stamps mean nothing changed in between.</summary>
public readonly record struct ChangeStamp(long Epoch, long County);

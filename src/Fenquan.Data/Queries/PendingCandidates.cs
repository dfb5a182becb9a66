using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Queries;

/// <summary>A unit's pending matters that some holder of a set of roles could act on, loaded whole, with when each last changed.</summary>
public sealed record PendingCandidates(IReadOnlyList<Matter> Matters, IReadOnlyDictionary<MatterId, DateTimeOffset> LastChanges)
{
    /// <summary>The candidates these were made from by <see cref="With"/> (weak: a chain of them is never held).</summary>
    public WeakReference<PendingCandidates>? Previous { get; private init; }

    /// <summary>The ids of the matters replaced since <see cref="Previous"/>.</summary>
    public IReadOnlySet<Guid> Changed { get; private init; } = new HashSet<Guid>();

    /// <summary>Those of the replaced matters that are still candidates, as read again.</summary>
    public IReadOnlyList<Matter> Fresh { get; private init; } = [];

    /// <summary>These candidates with the matters <paramref name="changed"/> names replaced by <paramref name="fresh"/> (those still candidates, read again).</summary>
    public PendingCandidates With(IReadOnlySet<Guid> changed, PendingCandidates fresh)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(fresh);
        var matters = Matters.Where(m => !changed.Contains(m.Id.Value)).Concat(fresh.Matters).ToList();
        var lastChanges = LastChanges.Where(c => !changed.Contains(c.Key.Value)).Concat(fresh.LastChanges).ToDictionary();
        return new PendingCandidates(matters, lastChanges) { Previous = new WeakReference<PendingCandidates>(this), Changed = changed, Fresh = fresh.Matters };
    }
}

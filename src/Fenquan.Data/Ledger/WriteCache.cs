using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Ledger;

/// <summary>
/// What units of work read again and again and rarely change — a unit's organisation view, its
/// policy versions — kept by the writer across units and batches. The writer sees every change (it
/// ledgers every changed row), so it drops a county's entries the moment a unit of work changes one
/// of the rows they are built from (<see cref="InvalidatedBy"/>), before any later unit runs; a batch
/// that fails drops everything. Another process writing the same county is caught by checking, once
/// per batch, that the county's ledger still ends where this writer left it.
/// It also keeps the row graphs units of work act on (a matter with its actions and changes), so an
/// action does not query and materialise its matter again: the writer attaches the kept graph to the
/// unit's context, and forgets it whenever a unit that touched it is refused or fails, or a unit
/// changes its rows through another instance (see LedgerWriter).
/// </summary>
internal sealed class WriteCache
{
    private readonly Dictionary<(string What, CountyId County, Guid Key), object> _entries = [];
    private readonly HashSet<CountyId> _counties = [];
    private readonly HashSet<CountyId> _changed = [];
    // The matters changed per county since the last publish; null: any may have changed.
    private readonly Dictionary<CountyId, HashSet<Guid>?> _mattersChanged = [];
    private readonly Dictionary<(CountyId County, Guid Id), object> _kept = [];
    private bool _changedAll;

    /// <summary>At most this many kept row graphs (matters with their actions); past it they are all dropped and kept anew.</summary>
    public const int MaxKept = 20_000;

    /// <summary>Organisation stamps for readers outside the writer (see <see cref="ChangeStamps"/>).</summary>
    public ChangeStamps Organization { get; } = new();

    /// <summary>Matter stamps (matters, actions, changes) for readers outside the writer.</summary>
    public ChangeStamps Matters { get; } = new();

    /// <summary>Publishes the changes since the last call to the stamps: call it after the commit.</summary>
    public void Publish()
    {
        if (_changedAll)
        {
            Organization.BumpAll();
            Matters.BumpAll();
        }

        foreach (var county in _changed)
        {
            Organization.Bump(county);
        }

        foreach (var (county, matters) in _mattersChanged)
        {
            Matters.Bump(county, matters);
        }

        _changed.Clear();
        _mattersChanged.Clear();
        _changedAll = false;
    }

    /// <summary>Rows whose change changes the county's matter stamp.</summary>
    public static bool ChangesMatters(Type type) =>
        type == typeof(Fenquan.Core.Matters.Matter) || type == typeof(Fenquan.Core.Matters.MatterAction) || type == typeof(Fenquan.Core.Matters.MatterChange);

    /// <summary>A unit of work changed a matter of the county (published after the commit, naming the matter).</summary>
    public void MattersChanged(CountyId county, Guid matter)
    {
        if (!_mattersChanged.TryGetValue(county, out var matters))
        {
            _mattersChanged[county] = [matter];
        }
        else
        {
            matters?.Add(matter);
        }
    }

    /// <summary>Rows the cached views are built from: a change to any of them drops the county's entries.</summary>
    public static bool InvalidatedBy(Type type) =>
        type == typeof(Membership) || type == typeof(PortfolioAssignment) || type == typeof(Person)
        || type == typeof(Unit) || type == typeof(County) || type == typeof(Fenquan.Core.Policy.PolicyVersion);

    public bool Holds(CountyId county) => _counties.Contains(county);

    /// <summary>
    /// The key a changed row of a kept graph belongs to (a matter, its actions and its changes are
    /// kept as one graph under the matter's id); null for rows that are never kept.
    /// </summary>
    public static Guid? KeptKeyOf(object entity) => entity switch
    {
        Fenquan.Core.Matters.Matter matter => matter.Id.Value,
        Fenquan.Core.Matters.MatterAction action => action.MatterId.Value,
        Fenquan.Core.Matters.MatterChange change => change.MatterId.Value,
        _ => null,
    };

    public bool TryGetKept<T>(CountyId county, Guid id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? kept)
        where T : class
    {
        kept = _kept.TryGetValue((county, id), out var known) ? known as T : null;
        return kept is not null;
    }

    public void Keep(CountyId county, Guid id, object graph)
    {
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        _kept[(county, id)] = graph;
        _counties.Add(county);
    }

    public void Forget(CountyId county, Guid id) => _kept.Remove((county, id));

    public T GetOrLoad<T>(string what, CountyId county, Guid key, Func<T> load)
        where T : class
    {
        if (_entries.TryGetValue((what, county, key), out var known))
        {
            return (T)known;
        }

        var loaded = load();
        _entries[(what, county, key)] = loaded;
        _counties.Add(county);
        return loaded;
    }

    public void Invalidate(CountyId county)
    {
        _changed.Add(county);
        _mattersChanged[county] = null;
        if (_counties.Remove(county))
        {
            foreach (var key in _entries.Keys.Where(k => k.County == county).ToList())
            {
                _entries.Remove(key);
            }

            foreach (var key in _kept.Keys.Where(k => k.County == county).ToList())
            {
                _kept.Remove(key);
            }
        }
    }

    public void Clear()
    {
        _changedAll = true;
        _entries.Clear();
        _kept.Clear();
        _counties.Clear();
    }
}

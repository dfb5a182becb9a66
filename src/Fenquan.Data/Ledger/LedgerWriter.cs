using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Fenquan.Core.Ledger;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fenquan.Data.Ledger;

/// <summary>What a unit of work sees: the batch's DbContext, the time, and its county.</summary>
public sealed class WriteContext(FenquanDbContext db, DateTimeOffset now, CountyId county)
{
    private List<(string SubjectType, Guid SubjectId, string Data)>? _events;
    private HashSet<Guid>? _served;

    internal WriteCache? Cache { get; init; }

    public FenquanDbContext Db { get; } = db;

    public DateTimeOffset Now { get; } = now;

    public CountyId County { get; } = county;

    internal IReadOnlyList<(string SubjectType, Guid SubjectId, string Data)> Events => _events ?? [];

    /// <summary>
    /// Ledgers an event that changes no row (a sign-in, a failed sign-in, a disclosure read …):
    /// <paramref name="dataJson"/> is a JSON object recorded as the entry's data.
    /// </summary>
    public void Append(string subjectType, Guid subjectId, string dataJson) => (_events ??= []).Add((subjectType, subjectId, dataJson));

    /// <summary>
    /// The unit's organisation history (memberships, portfolio assignments, names) as the core sees
    /// it: read once and kept by the writer until a unit of work changes one of those rows.
    /// </summary>
    public OrganizationSnapshot UnitView(UnitId unit) =>
        Cache is null
            ? Operations.OrganizationOperations.LoadUnitView(Db, County, unit)
            : Cache.GetOrLoad("unit-view", County, unit.Value, () => Operations.OrganizationOperations.LoadUnitView(Db, County, unit));

    /// <summary>
    /// A row graph (a matter with its actions and changes) tracked on this unit's context: the graph
    /// the writer kept from an earlier unit, attached unchanged, or else <paramref name="load"/>'s
    /// (a tracking query), kept for later units. A unit that is refused or fails, or that changes the
    /// graph's rows through another instance, makes the writer forget it.
    /// </summary>
    public T? Kept<T>(Guid id, Func<T?> load)
        where T : class
    {
        if (Cache is null)
        {
            return load();
        }

        (_served ??= []).Add(id);
        if (Cache.TryGetKept<T>(County, id, out var kept))
        {
            Db.Attach(kept);
            return kept;
        }

        var loaded = load();
        if (loaded is not null)
        {
            Cache.Keep(County, id, loaded);
        }

        return loaded;
    }

    /// <summary>Keeps a graph this unit made (a matter it submitted) for later units, as <see cref="Kept"/> does.</summary>
    public void Keep(Guid id, object graph)
    {
        if (Cache is not null)
        {
            (_served ??= []).Add(id);
            Cache.Keep(County, id, graph);
        }
    }

    /// <summary>Ids of the kept graphs this unit was given (see <see cref="Kept"/>).</summary>
    internal IReadOnlyCollection<Guid> Served => (IReadOnlyCollection<Guid>?)_served ?? [];

    /// <summary>Whether the county has the unit: its unit ids are kept like <see cref="UnitView"/> (a change to any unit drops them).</summary>
    public bool HasUnit(UnitId unit)
    {
        HashSet<UnitId> Load() => [.. Db.Units.AsNoTracking().Where(u => u.CountyId == County).Select(u => u.Id)];
        return (Cache is null ? Load() : Cache.GetOrLoad("units", County, Guid.Empty, Load)).Contains(unit);
    }

    /// <summary>The unit's published policy versions (immutable once published), kept like <see cref="UnitView"/>.</summary>
    public IReadOnlyList<Core.Policy.PolicyVersion> PolicyVersions(UnitId unit)
    {
        List<Core.Policy.PolicyVersion> Load() => [.. Db.PolicyVersions.AsNoTracking().Where(v => v.CountyId == County && v.UnitId == unit)];
        return Cache is null ? Load() : Cache.GetOrLoad("policy-versions", County, unit.Value, Load);
    }
}

/// <summary>
/// The one writer of a database (R44, group commit). Every state change goes through it: a unit of
/// work validates and changes rows on the writer's DbContext; the writer appends one ledger entry
/// per changed row, in the same transaction, with the county's next sequence number; concurrent
/// work is taken in batches that share one durable commit and one signed tree head per county.
/// That gives each county's ledger its single total order and turns thousands of fsyncs into a few.
/// A refused unit of work changes nothing; a unit that throws fails alone (its batch is retried
/// one unit at a time, so one bad unit never takes others down).
/// </summary>
public sealed class LedgerWriter : IAsyncDisposable
{
    private readonly Func<FenquanDbContext> _createContext;
    private readonly TreeHeadSigner _signer;
    private readonly TimeProvider _time;
    private readonly int _maxBatch;
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>();
    private readonly Dictionary<CountyId, CountyState> _counties = [];
    private readonly WriteCache _cache = new();
    private readonly bool _keepViews;
    private readonly Task _loop;

    /// <summary>Under sustained load, a signed tree head at least every this many entries …</summary>
    public const int HeadEvery = 10_000;

    /// <summary>… and at least this often.</summary>
    public static readonly TimeSpan HeadInterval = TimeSpan.FromSeconds(1);

    /// <param name="keepViews">Keep units' organisation views and policy versions across units of work (see <see cref="WriteCache"/>); off only to measure what that saves.</param>
    public LedgerWriter(DatabaseSettings settings, TreeHeadSigner signer, TimeProvider time, int maxBatch = 4096, bool keepViews = true)
    {
        _keepViews = keepViews;
        _createContext = ContextFactory(settings);
        _signer = signer;
        _time = time;
        _maxBatch = maxBatch;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Stamps of each county's organisation, changed after every commit that changes it (for caches outside the writer).</summary>
    public ChangeStamps OrganizationStamps => _cache.Organization;

    /// <summary>Stamps of each county's matters (matters, actions, changes), changed after every commit that changes one.</summary>
    public ChangeStamps MatterStamps => _cache.Matters;

    /// <summary>Batches committed so far (for tests and metrics).</summary>
    public long BatchesCommitted { get; private set; }

    /// <summary>Where the writer's time went so far (for benchmarks and metrics).</summary>
    public WriterMetrics Metrics => new(
        BatchesCommitted,
        _itemsCommitted,
        _entriesCommitted,
        Stopwatch.GetElapsedTime(0, _beginTicks),
        Stopwatch.GetElapsedTime(0, _runTicks),
        Stopwatch.GetElapsedTime(0, _ledgerTicks),
        Stopwatch.GetElapsedTime(0, _saveTicks),
        Stopwatch.GetElapsedTime(0, _insertTicks),
        Stopwatch.GetElapsedTime(0, _commitTicks));

    private long _itemsCommitted;
    private long _entriesCommitted;
    private long _beginTicks;
    private long _runTicks;
    private long _ledgerTicks;
    private long _saveTicks;
    private long _insertTicks;
    private long _commitTicks;

    /// <summary>
    /// Runs <paramref name="work"/> on the writer, ledgers every row it changed under <paramref name="kind"/>
    /// (e.g. "matter.approved") and returns once the batch holding it is durably committed.
    /// </summary>
    public Task<Result<T>> ExecuteAsync<T>(CountyId county, string kind, Func<WriteContext, Result<T>> work, CancellationToken cancellationToken = default)
    {
        var item = new WorkItem<T>(county, kind, work);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(LedgerWriter));
        }

        return cancellationToken.CanBeCanceled ? item.Task.WaitAsync(cancellationToken) : item.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<WorkItem>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Another writer may have appended to the same ledger: reload each county's state.
                // Then retry each unit alone, so only a unit that breaks the commit by itself fails.
                _counties.Clear();
                _cache.Clear();
                foreach (var item in batch.Where(i => !i.IsFinished))
                {
                    try
                    {
                        // Alone, and saved by SaveChanges: a unit the row saver cannot save (a
                        // statement order it gets wrong) still commits as EF would commit it.
                        await CommitAsync([item], ownStatements: false).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        _counties.Clear();
                        _cache.Clear();
                        item.Fail(exception);
                    }
                }
            }

            _cache.Publish(); // after a failed batch: whatever was dropped is stale outside the writer too
        }
    }

    private async Task CommitAsync(IReadOnlyList<WorkItem> batch, bool ownStatements = true)
    {
        // In UTC, to the microsecond: what PostgreSQL stores, so signed tree heads read back verify.
        var clock = _time.GetUtcNow().UtcDateTime;
        var now = new DateTimeOffset(clock.Ticks - (clock.Ticks % 10), TimeSpan.Zero);
        var mark = Stopwatch.GetTimestamp();
        await using var db = _createContext();

        // No savepoint around each unit's SaveChanges: a unit whose save throws fails the whole
        // batch, which is rolled back and retried one unit at a time (RunAsync).
        db.Database.AutoSavepointsEnabled = false;

        // Changes are detected once after each unit (below), not again by every Entries() call.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        var working = new Dictionary<CountyId, CountyState>();
        var done = new List<WorkItem>(batch.Count);
        var ledgerRows = new List<LedgerEntryRow>(batch.Count * 2);

        // SQLite runs in process: a unit's rows are saved through statements reused across the
        // batch. PostgreSQL keeps SaveChanges, which sends a unit's rows in one round trip.
        await using var saver = ownStatements && db.Database.IsSqlite() ? new RowSaver(db) : null;
        long runTicks = 0, ledgerTicks = 0, saveTicks = 0;
        mark = Lap(ref _beginTicks, mark);

        foreach (var item in batch)
        {
            if (!working.TryGetValue(item.County, out var state))
            {
                if (_cache.Holds(item.County) && _counties.TryGetValue(item.County, out var known)
                    && !await LedgerEndsAtAsync(db, item.County, known.NextSequence).ConfigureAwait(false))
                {
                    // Someone else wrote to this county: what this writer kept of it is stale.
                    _counties.Remove(item.County);
                    _cache.Invalidate(item.County);
                }

                state = (await LoadStateAsync(db, item.County).ConfigureAwait(false)).Clone();
                working[item.County] = state;
            }

            var context = new WriteContext(db, now, item.County) { Cache = _keepViews ? _cache : null };
            var started = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = item.Run(context);
            }
            catch (Exception exception)
            {
                // A bug in one unit of work: it fails alone, its half-made changes are dropped.
                db.ChangeTracker.Clear();
                ForgetServed(context);
                item.Fail(exception);
                continue;
            }

            if (!ok)
            {
                // A refused unit changes nothing; a kept graph it was given may still have been
                // touched before the refusal, so it is read again next time.
                db.ChangeTracker.Clear();
                ForgetServed(context);
                done.Add(item);
                runTicks += Stopwatch.GetTimestamp() - started;
                continue;
            }

            db.ChangeTracker.DetectChanges();
            var ran = Stopwatch.GetTimestamp();
            runTicks += ran - started;
            List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>? changed = null;
            List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>? saved = null;
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    if (IsLedgered(entry.Metadata.ClrType))
                    {
                        (changed ??= []).Add(entry);
                        (saved ??= []).Add(entry);
                    }
                    else if (IsMessage(entry.Metadata.ClrType))
                    {
                        (saved ??= []).Add(entry);
                    }
                }
            }

            foreach (var entry in changed ?? [])
            {
                if (WriteCache.InvalidatedBy(entry.Metadata.ClrType))
                {
                    _cache.Invalidate(item.County);
                }
                else if (WriteCache.ChangesMatters(entry.Metadata.ClrType) && WriteCache.KeptKeyOf(entry.Entity) is { } matter)
                {
                    _cache.MattersChanged(item.County, matter);
                }

                if (WriteCache.KeptKeyOf(entry.Entity) is { } keptKey && !context.Served.Contains(keptKey))
                {
                    // Changed through an instance the writer did not give out: what it kept is stale.
                    _cache.Forget(item.County, keptKey);
                }

                var (subjectId, county) = Identify(entry);
                if (county != item.County.Value)
                {
                    throw new InvalidOperationException($"A unit of work for county {item.County} changed a row of county {county}.");
                }

                var data = entry.State == EntityState.Deleted ? "null"u8.ToArray() : EntitySnapshot.Of(entry);
                ledgerRows.Add(state.Append(LedgerEntry.CanonicalBytes(item.County, state.NextSequence, now, item.Kind, entry.Metadata.ClrType.Name, subjectId, data), item.County, item.Kind, entry.Metadata.ClrType.Name, subjectId));
            }

            foreach (var (subjectType, subjectId, data) in context.Events)
            {
                ledgerRows.Add(state.Append(LedgerEntry.CanonicalBytes(item.County, state.NextSequence, now, item.Kind, subjectType, subjectId, data), item.County, item.Kind, subjectType, subjectId));
            }

            var ledgered = Stopwatch.GetTimestamp();
            ledgerTicks += ledgered - ran;
            if (saved is not null)
            {
                if (saver is null || !saver.TrySave(saved))
                {
                    await db.SaveChangesAsync().ConfigureAwait(false);
                }

                db.ChangeTracker.Clear();
                saveTicks += Stopwatch.GetTimestamp() - ledgered;
            }

            done.Add(item);
        }

        mark = Stopwatch.GetTimestamp();

        if (ledgerRows.Count > 0)
        {
            var heads = new List<TreeHeadRow>();
            foreach (var (county, state) in working)
            {
                // A signed tree head covers the batch when the writer falls idle, and at least every
                // HeadEvery entries or HeadInterval under sustained load: verification stays fast and
                // the unsigned tail is short. A restart signs at its first batch (LastHeadSize is loaded).
                var due = state.NextSequence > state.LastHeadSize
                    && (_queue.Reader.Count == 0 || state.NextSequence - state.LastHeadSize >= HeadEvery || now - state.LastHeadAt >= HeadInterval);
                if (due)
                {
                    var head = _signer.Sign(county, state.NextSequence, state.Accumulator.Root(), now);
                    heads.Add(new TreeHeadRow { CountyId = county.Value, TreeSize = head.TreeSize, RootHash = head.RootHash, At = head.At, Signature = head.Signature, Checkpoint = head.Checkpoint });
                    state.LastHeadSize = head.TreeSize;
                    state.LastHeadAt = now;
                }
            }

            await LedgerRowInserter.InsertAsync(db, ledgerRows, heads).ConfigureAwait(false);
        }

        mark = Lap(ref _insertTicks, mark);
        await transaction.CommitAsync().ConfigureAwait(false);
        _cache.Publish();
        Lap(ref _commitTicks, mark);
        _runTicks += runTicks;
        _ledgerTicks += ledgerTicks;
        _saveTicks += saveTicks;
        _itemsCommitted += batch.Count;
        _entriesCommitted += ledgerRows.Count;
        foreach (var (county, state) in working)
        {
            _counties[county] = state;
        }

        BatchesCommitted++;

        // The batch is durable: its callers hear OK from a pool thread while this one starts the
        // next batch (completing a thousand tasks is otherwise on every batch's critical path).
        ThreadPool.UnsafeQueueUserWorkItem(
            static items =>
            {
                foreach (var item in items)
                {
                    item.Complete();
                }
            },
            done,
            preferLocal: false);
    }

    /// <summary>
    /// Contexts for the writer's batches from options built once (building them per batch made EF
    /// look up its internal service provider by the options' extensions on every batch), pooled:
    /// a new context resolved its internal services again on every batch, a pooled one is reset.
    /// </summary>
    private static Func<FenquanDbContext> ContextFactory(DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new PooledDbContextFactory<SqliteFenquanDbContext>(FenquanDatabase.Options<SqliteFenquanDbContext>(settings), poolSize: 2);
                return sqlite.CreateDbContext;
            case DatabaseProvider.PostgreSql:
                var postgres = new PooledDbContextFactory<PostgresFenquanDbContext>(FenquanDatabase.Options<PostgresFenquanDbContext>(settings), poolSize: 2);
                return postgres.CreateDbContext;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings));
        }
    }

    private void ForgetServed(WriteContext context)
    {
        foreach (var id in context.Served)
        {
            _cache.Forget(context.County, id);
        }
    }

    private static long Lap(ref long total, long mark)
    {
        var now = Stopwatch.GetTimestamp();
        total += now - mark;
        return now;
    }

    internal static (Guid SubjectId, Guid County) Identify(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey() ?? throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no key.");
        if (key.Properties.Count != 1)
        {
            throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} must have a single-column id to be ledgered.");
        }

        var subjectId = ProviderGuid(entry.Property(key.Properties[0].Name));
        var countyProperty = entry.Entity is County ? key.Properties[0].Name : "CountyId";
        var county = ProviderGuid(entry.Property(countyProperty));
        return (subjectId, county);
    }

    /// <summary>
    /// Every domain row is ledgered, but for the ledger's own rows and the messages
    /// (<see cref="IsMessage"/>).
    /// </summary>
    internal static bool IsLedgered(Type type) =>
        type != typeof(LedgerEntryRow) && type != typeof(TreeHeadRow) && !typeof(ILedgerOwnRow).IsAssignableFrom(type) && !IsMessage(type);

    /// <summary>
    /// Rows saved with their unit of work but not ledgered: the in-application notifications. Each
    /// is a message derived from a ledgered change (a matter's action, a meeting scheduled, a county
    /// change proposed) and the organisation ledgered beside it, so the ledger already proves what
    /// it says and to whom it applied; what a message adds is only that it was shown and read.
    /// Ledgering every message took about a third of the approval rate (an entry, its leaf and its
    /// tree-head share per recipient of each action). Entries of older versions that recorded
    /// notifications stay in the ledger and are verified as entries; the rows are not compared.
    /// </summary>
    internal static bool IsMessage(Type type) => type == typeof(Notification);

    private static Guid ProviderGuid(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry property)
    {
        var value = property.CurrentValue;
        var converter = property.Metadata.GetTypeMapping().Converter;
        if (value is not Guid && converter is not null)
        {
            value = converter.ConvertToProvider(value);
        }

        return value as Guid? ?? throw new InvalidOperationException($"{property.Metadata.DeclaringType.DisplayName()}.{property.Metadata.Name} is not a Guid id.");
    }

    /// <summary>True when the county's ledger ends just before <paramref name="nextSequence"/> (no other writer appended).</summary>
    private static async Task<bool> LedgerEndsAtAsync(FenquanDbContext db, CountyId county, long nextSequence) =>
        (await LastSequence.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((FenquanDbContext c, Guid k) => c.LedgerEntries.Where(e => e.CountyId == k).Max(e => (long?)e.Sequence)))(db, county.Value).ConfigureAwait(false) ?? -1)
            == nextSequence - 1;

    // A compiled query is bound to one model (SQLite's or PostgreSQL's).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<FenquanDbContext, Guid, Task<long?>>> LastSequence = new();

    private async Task<CountyState> LoadStateAsync(FenquanDbContext db, CountyId county)
    {
        if (_counties.TryGetValue(county, out var known))
        {
            return known;
        }

        var accumulator = new MerkleAccumulator();
        var leaves = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.Value).OrderBy(e => e.Sequence).Select(e => e.LeafHash).AsAsyncEnumerable();
        await foreach (var leaf in leaves.ConfigureAwait(false))
        {
            accumulator.Append(leaf);
        }

        var lastHead = await db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county.Value).OrderByDescending(h => h.TreeSize)
            .Select(h => new { h.TreeSize, h.At }).FirstOrDefaultAsync().ConfigureAwait(false);
        var state = new CountyState(accumulator, accumulator.Size, lastHead?.TreeSize ?? 0, lastHead?.At ?? DateTimeOffset.MinValue);

        _counties[county] = state;
        return state;
    }

    private sealed class CountyState(MerkleAccumulator accumulator, long nextSequence, long lastHeadSize, DateTimeOffset lastHeadAt)
    {
        public MerkleAccumulator Accumulator { get; } = accumulator;

        public long NextSequence { get; private set; } = nextSequence;

        public long LastHeadSize { get; set; } = lastHeadSize;

        public DateTimeOffset LastHeadAt { get; set; } = lastHeadAt;

        public CountyState Clone() => new(Accumulator.Clone(), NextSequence, LastHeadSize, LastHeadAt);

        /// <summary>Takes the canonical bytes of the entry numbered <see cref="NextSequence"/>, hashes them and adds them to the tree.</summary>
        public LedgerEntryRow Append(byte[] bytes, CountyId county, string kind, string subjectType, Guid subjectId)
        {
            var leaf = MerkleHash.Leaf(bytes);
            Accumulator.Append(leaf);
            var row = new LedgerEntryRow
            {
                CountyId = county.Value,
                Sequence = NextSequence,
                Kind = kind,
                SubjectType = subjectType,
                SubjectId = subjectId,
                Bytes = bytes,
                LeafHash = leaf,
            };
            NextSequence++;
            return row;
        }
    }

    private abstract class WorkItem(CountyId county, string kind)
    {
        public CountyId County { get; } = county;

        public string Kind { get; } = kind;

        /// <summary>Failed already (its caller has heard): never run again.</summary>
        public abstract bool IsFinished { get; }

        public abstract bool Run(WriteContext context);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(CountyId county, string kind, Func<WriteContext, Result<T>> work) : WorkItem(county, kind)
    {
        private readonly TaskCompletionSource<Result<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Result<T> _result;

        public Task<Result<T>> Task => _completion.Task;

        public override bool IsFinished => _completion.Task.IsCompleted;

        public override bool Run(WriteContext context)
        {
            _result = work(context);
            return _result.IsOk;
        }

        public override void Complete() => _completion.TrySetResult(_result);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}

/// <summary>
/// Cumulative time the writer spent per phase: opening the batch (context, transaction, county
/// state), running units of work (their queries and the core's checks), ledgering (snapshots,
/// canonical bytes, SHA-256, Merkle), saving the units' rows, inserting ledger rows and heads, and the
/// durable commit.
/// </summary>
public sealed record WriterMetrics(long Batches, long Items, long Entries, TimeSpan Begin, TimeSpan Run, TimeSpan Ledger, TimeSpan Save, TimeSpan Insert, TimeSpan Commit)
{
    public WriterMetrics Since(WriterMetrics earlier) => new(
        Batches - earlier.Batches,
        Items - earlier.Items,
        Entries - earlier.Entries,
        Begin - earlier.Begin,
        Run - earlier.Run,
        Ledger - earlier.Ledger,
        Save - earlier.Save,
        Insert - earlier.Insert,
        Commit - earlier.Commit);

    public override string ToString()
    {
        var items = Math.Max(1, Items);
        string Per(TimeSpan t) => (t.TotalMicroseconds / items).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        return System.FormattableString.Invariant($"{Batches} batches, {Items} units ({Items / (double)Math.Max(1, Batches):F1}/batch), {Entries} entries; per unit µs: begin {Per(Begin)}, run {Per(Run)}, ledger {Per(Ledger)}, save {Per(Save)}, insert {Per(Insert)}, commit {Per(Commit)}");
    }
}

using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Fenquan.Core.Ledger;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Ledger;

/// <summary>A domain row whose current state disagrees with the ledger (R44), or a ledger entry filed under another subject than it records.</summary>
public sealed record RowProblem(Guid County, string SubjectType, Guid SubjectId, long? LastSequence, string Message)
{
    public override string ToString() => Message;
}

/// <summary>One county's ledger report and the rows that disagree with it.</summary>
/// <param name="Rows">The row problems found, in the order found (at most <see cref="LedgerAudit.RowProblemLimit"/>).</param>
/// <param name="RowProblemCount">All row problems found, including any beyond the limit.</param>
public sealed record CountyAudit(Guid County, LedgerReport Ledger, IReadOnlyList<RowProblem> Rows, long RowProblemCount)
{
    public bool IsIntact => Ledger.IsIntact && RowProblemCount == 0;
}

public sealed record AuditReport(IReadOnlyList<CountyAudit> Counties)
{
    public bool IsIntact => Counties.All(c => c.IsIntact);

    public long Entries => Counties.Sum(c => c.Ledger.EntryCount);
}

/// <summary>
/// `fenquan verify` (R44): recomputes every county's ledger from the stored rows — each edited,
/// reordered or deleted entry is named — and compares every domain row with the snapshot its last
/// ledger entry recorded, naming each row whose current state disagrees with the ledger, each row
/// the ledger never recorded and each ledgered row deleted without a deletion entry.
/// </summary>
/// <remarks>
/// Memory does not grow with the ledger. The ledger is streamed once in sequence order through the
/// O(log n) <see cref="LedgerVerifier"/>; on the way each entry's lookup columns (subject type and
/// id) are checked against its bytes, so that the database's index on them can then be trusted to
/// find every subject's last entry. Rows are then compared table by table: a table's rows of one
/// county are streamed in id order and taken in chunks; for each chunk the last entry of every
/// subject whose id falls in the chunk's id range is asked from the database (max sequence per
/// subject over the index ledger_entries(CountyId, SubjectType, SubjectId); on SQLite max rowid,
/// which that index holds, while the stream checks that rowids grow with the sequence) and matched by id. The
/// ranges are bounded by ids the database itself ordered and compared, so nothing depends on .NET
/// ordering Guids as SQLite's text or PostgreSQL's uuid does; consecutive ranges cover every id, so
/// a ledgered subject whose row is gone is found in the range it would sort into. Held at any time:
/// one chunk of rows and their snapshots, and the problems found (listed up to a limit, all counted).
/// The two streams need a second context; both read one snapshot of the database, so the audit of a
/// database the server is writing to reports the state at its start, never a row changed meanwhile.
/// </remarks>
public static class LedgerAudit
{
    /// <summary>Row problems listed per county (all are counted).</summary>
    public const int RowProblemLimit = 10_000;

    /// <summary>Rows compared per round trip for their subjects' last ledger entries.</summary>
    internal const int ChunkSize = 1_000;

    private static readonly MethodInfo CountiesOfMethod = typeof(LedgerAudit).GetMethod(nameof(CountiesOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task<AuditReport> RunAsync(FenquanDbContext db, byte[] publicKey, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return RunAsync(db, [publicKey], [], progress, cancellationToken);
    }

    /// <summary>
    /// The audit against every key the log has signed with and against checkpoints kept outside the
    /// server (already checked for the log's signature): each is matched to its county by its origin.
    /// </summary>
    public static async Task<AuditReport> RunAsync(FenquanDbContext db, IReadOnlyCollection<byte[]> publicKeys, IReadOnlyCollection<Checkpoint> kept, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(kept);
        var tables = Tables(db.Model);

        // Everything below reads one snapshot of the database, taken before the first read, so a
        // server writing meanwhile cannot make a row look changed behind the ledger's back.
        await using var snapshot = await OpenSnapshotAsync(db, Math.Clamp(Environment.ProcessorCount, 1, 4), cancellationToken);

        // Every county that has a ledger, a county row, or any domain row: a row filed under a county
        // that exists nowhere else is still a row the ledger never recorded.
        var counties = new SortedSet<Guid>(await db.LedgerEntries.AsNoTracking().Select(e => e.CountyId).Distinct().ToListAsync(cancellationToken));
        foreach (var table in tables)
        {
            var found = await (Task<List<Guid>>)CountiesOfMethod.MakeGenericMethod(table.Type.ClrType, table.County.ClrType)
                .Invoke(null, [db, table, cancellationToken])!;
            counties.UnionWith(found);
        }

        // A kept checkpoint names its county even when nothing of it is left.
        counties.UnionWith(kept.Select(c => LogOrigin.CountyOf(c.Origin)).OfType<CountyId>().Select(c => c.Value));

        var audits = new List<CountyAudit>();
        long read = 0;
        foreach (var county in counties)
        {
            var heads = await db.TreeHeads.AsNoTracking()
                .Where(h => h.CountyId == county)
                .OrderBy(h => h.TreeSize)
                .Select(h => new { h.TreeSize, h.RootHash, h.At, h.Signature, h.Checkpoint })
                .ToListAsync(cancellationToken);
            var signedHeads = heads.Select(h => new SignedTreeHead(new CountyId(county), h.TreeSize, h.RootHash, h.At, h.Signature) { Checkpoint = h.Checkpoint }).ToList();
            var keptHere = kept.Where(c => LogOrigin.CountyOf(c.Origin) == new CountyId(county)).ToList();
            var history = await KeyHistoryAsync(db, county, cancellationToken);

            // The ledger is streamed and hashed while the rows are compared: on its own connection to
            // the same snapshot where there is one (both are mostly reading and hashing, on separate cores).
            var filing = new RowProblems();
            LedgerReport VerifyLedger(FenquanDbContext reader)
            {
                var previous = default(StoredRows.Entry);
                var rows = StoredRows.Entries(reader, county)
                    .Select(row =>
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (Interlocked.Increment(ref read) % 100_000 == 0)
                        {
                            progress?.Report(Interlocked.Read(ref read));
                        }

                        CheckFiling(county, row.Sequence, row.Bytes, row.SubjectType, row.SubjectId, filing);
                        CheckStorageOrder(county, row, ref previous, filing);
                        return new StoredEntry(row.Sequence, row.Bytes, row.LeafHash);
                    });
                return LedgerVerifier.Verify(rows, signedHeads, publicKeys, keptHere, new CountyId(county), history: history);
            }

            var verified = snapshot.Stream is { } stream ? Task.Run(() => VerifyLedger(stream), cancellationToken) : Task.FromResult(VerifyLedger(db));

            // Each lane takes the next table until none is left; problems are listed in table order.
            var compared = tables.Select(_ => new RowProblems()).ToArray();
            var next = -1;
            async Task CompareAsync(Lane lane)
            {
                for (var i = Interlocked.Increment(ref next); i < tables.Count; i = Interlocked.Increment(ref next))
                {
                    await CompareTableAsync(lane.Rows, lane.Ledger, tables[i], county, compared[i], cancellationToken);
                }
            }

            try
            {
                await Task.WhenAll(snapshot.Lanes.Select(lane => Task.Run(() => CompareAsync(lane), cancellationToken)));
            }
            finally
            {
                // Never leave the ledger's reader running on a connection about to be closed.
                await Task.WhenAny(verified);
            }

            var report = await verified;
            var problems = compared.Aggregate(filing, (all, table) => all.Then(table));
            audits.Add(new CountyAudit(county, report, problems.Items, problems.Count));
        }

        progress?.Report(read);
        return new AuditReport(audits);
    }

    /// <summary>
    /// The county's key rotations (R44), found by their subject through the subject index: the
    /// verifier then refuses a head signed only by a key retired before it.
    /// </summary>
    private static async Task<KeyHistory> KeyHistoryAsync(FenquanDbContext db, Guid county, CancellationToken cancellationToken)
    {
        var rotations = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.CountyId == county && e.SubjectType == KeyRotation.SubjectType && e.SubjectId == county)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Bytes })
            .ToListAsync(cancellationToken);
        var parsed = new List<(long, KeyRotation)>();
        foreach (var row in rotations)
        {
            LedgerEntry entry;
            try
            {
                entry = LedgerEntry.Parse(row.Bytes);
            }
            catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException or ArgumentException)
            {
                continue; // an unreadable entry is reported by the verifier
            }

            if (entry.Kind == KeyRotation.Kind && KeyRotation.FromJson(new CountyId(county), entry.Data) is { } rotation)
            {
                parsed.Add((row.Sequence, rotation));
            }
        }

        return new KeyHistory(parsed);
    }

    /// <summary>A ledgered table: its entity type, its single-column key and the property naming its county.</summary>
    internal sealed record Table(IEntityType Type, IProperty Key, IProperty County);

    private static List<Table> Tables(IModel model)
    {
        var tables = new List<Table>();
        foreach (var type in model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType) && !t.IsOwned()).OrderBy(t => t.ClrType.Name, StringComparer.Ordinal))
        {
            var key = type.FindPrimaryKey() is { Properties.Count: 1 } primary
                ? primary.Properties[0]
                : throw new InvalidOperationException($"{type.ClrType.Name} must have a single-column id to be ledgered.");
            // A table is read as one entity type and its ledger subjects by that type's name.
            if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            {
                throw new NotSupportedException($"{type.ClrType.Name} is part of an inheritance hierarchy, which the audit does not read yet.");
            }

            var county = type.ClrType == typeof(County) ? key : type.FindProperty("CountyId") ?? throw new InvalidOperationException($"{type.ClrType.Name} has no CountyId.");
            tables.Add(new Table(type, key, county));
        }

        return tables;
    }

    /// <summary>
    /// Begins one read snapshot on <paramref name="db"/> and opens the contexts that read it: up to
    /// <paramref name="lanes"/> lanes that compare tables side by side, each a context streaming a
    /// table's rows and one asking for their last entries, and a context that streams the ledger
    /// through the verifier on its own thread. Disposing it ends every transaction; they only read,
    /// so nothing is committed.
    /// SQLite: the first lane shares <paramref name="db"/>'s connection (SQLite runs many statements
    /// on one connection) and one deferred transaction, whose snapshot is taken at its first read and
    /// never takes the write lock, so the server's writer goes on. Every other lane, and the ledger's
    /// stream, is a connection of its own whose read transaction is kept only when it sees the same
    /// ledger (the same last row: the server only ever appends to it, and every write it commits
    /// appends); without one, the ledger is streamed on the first connection before the tables.
    /// PostgreSQL: two connections, both REPEATABLE READ, the second importing the first's exported
    /// snapshot (<c>SET TRANSACTION SNAPSHOT</c>); one lane, the ledger streamed before the tables.
    /// </summary>
    private static async Task<Snapshot> OpenSnapshotAsync(FenquanDbContext db, int lanes, CancellationToken cancellationToken)
    {
        var second = NewContext(db);
        var opened = new List<FenquanDbContext> { second };
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                var transaction = sqlite.BeginTransaction(deferred: true);
                await db.Database.UseTransactionAsync(transaction, cancellationToken);
                second.Database.SetDbConnection(sqlite, contextOwnsConnection: false);
                await second.Database.UseTransactionAsync(transaction, cancellationToken);
                var sqliteLanes = new List<Lane> { new(db, second) };
                var stream = await SameSqliteSnapshotAsync(db, sqlite, cancellationToken);
                if (stream is not null)
                {
                    opened.Add(stream);
                    while (sqliteLanes.Count < lanes && await SameSqliteSnapshotAsync(db, sqlite, cancellationToken) is { } own)
                    {
                        opened.Add(own);
                        sqliteLanes.Add(new Lane(own, own));
                    }
                }

                return new Snapshot(db, sqliteLanes, stream, opened, transaction);
            }

            await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var snapshot = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(cancellationToken);
            if (snapshot.Length == 0 || !snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
            {
                throw new InvalidOperationException($"PostgreSQL exported an unexpected snapshot id '{snapshot}'.");
            }

            // One lane and no stream of its own: each further connection would come out of the pool
            // the server shares (and a pool stays open after the audit), so the audit keeps to two.
            await second.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            // SET TRANSACTION SNAPSHOT takes no parameter; the id was checked above to be hex digits and dashes.
#pragma warning disable EF1003
            await second.Database.ExecuteSqlRawAsync("SET TRANSACTION SNAPSHOT '" + snapshot + "'", cancellationToken);
#pragma warning restore EF1003
            return new Snapshot(db, [new Lane(db, second)], null, opened, null);
        }
        catch
        {
            foreach (var context in opened)
            {
                await context.DisposeAsync();
            }

            throw;
        }
    }

    private static FenquanDbContext NewContext(FenquanDbContext db) =>
        (FenquanDbContext)(Activator.CreateInstance(db.GetType(), db.GetService<IDbContextOptions>())
            ?? throw new InvalidOperationException($"Cannot open a second {db.GetType().Name}."));

    /// <summary>
    /// A context on a new connection to the same SQLite file whose read transaction sees the same
    /// ledger as <paramref name="shared"/>'s (which the first call's read fixes), or null: an
    /// in-memory database, or a writer that kept appending between the two reads three times over.
    /// </summary>
    private static async Task<FenquanDbContext?> SameSqliteSnapshotAsync(FenquanDbContext db, Microsoft.Data.Sqlite.SqliteConnection shared, CancellationToken cancellationToken)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(shared.ConnectionString);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return null;
        }

        var mark = await StoredRows.LastLedgerRowAsync(db, cancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var own = NewContext(db);
            var connection = new Microsoft.Data.Sqlite.SqliteConnection(shared.ConnectionString);
            own.Database.SetDbConnection(connection, contextOwnsConnection: true);
            await own.Database.OpenConnectionAsync(cancellationToken);
            await own.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancellationToken);
            if (await StoredRows.LastLedgerRowAsync(own, cancellationToken) == mark)
            {
                return own;
            }

            await own.DisposeAsync();
        }

        return null;
    }

    /// <summary>A lane of the row comparison: a context streaming a table's rows and one asking for their last ledger entries (one context on SQLite's own connections).</summary>
    private sealed record Lane(FenquanDbContext Rows, FenquanDbContext Ledger);

    /// <summary>The contexts of an audit's snapshot; disposing it ends the snapshot on all (they only read: nothing to commit).</summary>
    private sealed class Snapshot(FenquanDbContext first, IReadOnlyList<Lane> lanes, FenquanDbContext? stream, IReadOnlyList<FenquanDbContext> opened, System.Data.Common.DbTransaction? shared) : IAsyncDisposable
    {
        public IReadOnlyList<Lane> Lanes { get; } = lanes;

        /// <summary>A context on its own connection to the same snapshot for the ledger's stream, or null where there is none.</summary>
        public FenquanDbContext? Stream { get; } = stream;

        public async ValueTask DisposeAsync()
        {
            // PostgreSQL: disposing a context rolls back the transaction it began. SQLite: a
            // connection of its own closes with its context, rolling back its read; the shared
            // transaction and connection belong to neither of the first lane's contexts and are ended here.
            foreach (var context in opened)
            {
                await context.DisposeAsync();
            }

            if (first.Database.CurrentTransaction is { } transaction)
            {
                await transaction.DisposeAsync();
            }

            if (shared is not null)
            {
                await shared.DisposeAsync();
            }

            await first.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The lookup columns are copies: the audit trusts them to find each subject's last entry only
    /// because every entry's columns are checked here against its bytes. Unreadable bytes are left
    /// to the ledger verifier (edited, malformed) and to the row comparison (an unreadable last entry).
    /// </summary>
    private static void CheckFiling(Guid county, long sequence, byte[] bytes, string subjectType, Guid subjectId, RowProblems problems)
    {
        if (!TryReadSubject(bytes, subjectType, out var recordedCounty, out var typeMatches, out var recordedType, out var recordedId))
        {
            return;
        }

        if (recordedCounty != county || !typeMatches || recordedId != subjectId)
        {
            problems.Add(new RowProblem(county, subjectType, subjectId, sequence, string.Create(CultureInfo.InvariantCulture,
                $"Ledger entry #{sequence} is filed under {subjectType} {subjectId} of county {county}, but it records {recordedType ?? subjectType} {recordedId} of county {recordedCounty}: its lookup columns were changed.")));
        }
    }

    /// <summary>
    /// SQLite: each entry's rowid must be above the previous entry's, as the writer appends them. The
    /// row comparison finds a subject's last entry by the largest rowid the subject index holds, so
    /// rows rearranged behind the ledger (say, an entry deleted and inserted again) are named here,
    /// and the audit fails, instead of letting an earlier entry stand for the last.
    /// </summary>
    private static void CheckStorageOrder(Guid county, StoredRows.Entry row, ref StoredRows.Entry previous, RowProblems problems)
    {
        if (row.Row != 0 && previous.Row != 0 && row.Row <= previous.Row)
        {
            problems.Add(new RowProblem(county, row.SubjectType, row.SubjectId, row.Sequence, string.Create(CultureInfo.InvariantCulture,
                $"Ledger entry #{row.Sequence} is stored before entry #{previous.Sequence} (row {row.Row}, not after row {previous.Row}): the ledger's rows were rearranged, so no row can be trusted to be compared with its last entry.")));
        }

        previous = row;
    }

    /// <summary>Reads the county, subject type and subject id of an entry's bytes, stopping before its data.</summary>
    private static bool TryReadSubject(ReadOnlySpan<byte> bytes, string expectedType, out Guid county, out bool typeMatches, out string? type, out Guid subjectId)
    {
        county = Guid.Empty;
        subjectId = Guid.Empty;
        typeMatches = false;
        type = null;
        bool hasCounty = false, hasType = false, hasId = false;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (!(hasCounty && hasType && hasId) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("county"u8))
                {
                    hasCounty = reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out county);
                    if (!hasCounty)
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("subjectType"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    hasType = true;
                    typeMatches = reader.ValueTextEquals(expectedType);
                    type = typeMatches ? null : reader.GetString();
                }
                else if (reader.ValueTextEquals("subjectId"u8))
                {
                    hasId = reader.Read() && reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out subjectId);
                    if (!hasId)
                    {
                        return false;
                    }
                }
                else if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return hasCounty && hasType && hasId;
    }

    /// <summary>Every county named by a row of the table.</summary>
    private static async Task<List<Guid>> CountiesOfAsync<TEntity, TCounty>(FenquanDbContext db, Table table, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var county = Expression.Lambda<Func<TEntity, TCounty>>(Property<TCounty>(entity, table.County), entity);
        var values = await db.Set<TEntity>().AsNoTracking().Select(county).Distinct().ToListAsync(cancellationToken);
        return [.. values.Select(v => ToGuid(table.County, v))];
    }

    /// <summary>
    /// Compares one table's rows of one county with their subjects' last ledger entries, chunk by
    /// chunk of rows in the order the database sorts their ids (see the remarks on the class).
    /// </summary>
    private static async Task CompareTableAsync(FenquanDbContext db, FenquanDbContext ledger, Table table, Guid county, RowProblems problems, CancellationToken cancellationToken)
    {
        var type = table.Type.ClrType.Name;
        var chunk = new List<(Guid Id, byte[] Snapshot)>(ChunkSize);
        Guid? low = null;
        await foreach (var (id, snapshot) in StoredRows.ReadAsync(db, table.Type, table.County, county, cancellationToken))
        {
            chunk.Add((id, snapshot));
            if (chunk.Count == ChunkSize)
            {
                await CompareChunkAsync(ledger, county, type, chunk, low, id, problems, cancellationToken);
                low = id;
                chunk.Clear();
            }
        }

        // The last range is open-ended: ledgered subjects sorting after every row still present.
        await CompareChunkAsync(ledger, county, type, chunk, low, null, problems, cancellationToken);
    }

    /// <summary>
    /// Compares a chunk of rows — all the table's rows of the county with ids in (low, high] — with
    /// the last ledger entry of every subject of that type with an id in the same range.
    /// </summary>
    private static async Task CompareChunkAsync(FenquanDbContext ledger, Guid county, string type, List<(Guid Id, byte[] Snapshot)> chunk, Guid? low, Guid? high, RowProblems problems, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<Guid, byte[]>(chunk.Count);
        foreach (var (id, snapshot) in chunk)
        {
            pending[id] = snapshot;
        }

        await foreach (var last in StoredRows.LastEntriesAsync(ledger, county, type, low, high, cancellationToken))
        {
            var present = pending.Remove(last.SubjectId, out var snapshot);

            // The recorded data is compared as the bytes the ledger holds, and decoded only to explain a difference.
            if (!LedgerEntry.TryFindData(last.Bytes, out var range))
            {
                problems.Add(new RowProblem(county, type, last.SubjectId, last.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"{type} {last.SubjectId}: its last ledger entry #{last.Sequence} cannot be read, so its {(present ? "row" : "deletion")} cannot be checked.")));
                continue;
            }

            var recorded = last.Bytes.AsSpan(range);
            if (present && !recorded.SequenceEqual(snapshot) && Encoding.UTF8.GetString(recorded) is var data
                && Encoding.UTF8.GetString(snapshot!) is var now && !EntitySnapshot.SameButForAddedColumns(data, now))
            {
                problems.Add(new RowProblem(county, type, last.SubjectId, last.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"{type} {last.SubjectId} differs from its last ledger entry #{last.Sequence}: the row now reads {now}, the ledger recorded {data}.")));
            }
            else if (!present && !recorded.SequenceEqual("null"u8))
            {
                problems.Add(new RowProblem(county, type, last.SubjectId, last.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"{type} {last.SubjectId} is recorded in the ledger (entry #{last.Sequence}) but is missing from the database.")));
            }
        }

        foreach (var (id, _) in chunk)
        {
            if (pending.ContainsKey(id))
            {
                problems.Add(new RowProblem(county, type, id, null, $"{type} {id} is in the database but was never recorded in the ledger."));
            }
        }
    }

    private static Expression Property<T>(ParameterExpression entity, IProperty property) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [typeof(T)], entity, Expression.Constant(property.Name));

    private static Guid ToGuid(IProperty property, object? value)
    {
        if (value is not Guid && property.GetTypeMapping().Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value as Guid? ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not a Guid id.");
    }

    private sealed class RowProblems
    {
        /// <summary>These problems, then <paramref name="next"/>'s, listed up to the limit and all counted.</summary>
        public RowProblems Then(RowProblems next)
        {
            var both = new RowProblems { Count = Count + next.Count };
            both.Items.AddRange(Items.Concat(next.Items).Take(RowProblemLimit));
            return both;
        }

        public List<RowProblem> Items { get; } = [];

        public long Count { get; private set; }

        public void Add(RowProblem problem)
        {
            Count++;
            if (Items.Count < RowProblemLimit)
            {
                Items.Add(problem);
            }
        }
    }
}

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
/// subject over the index ledger_entries(CountyId, SubjectType, SubjectId)) and matched by id. The
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

    private static readonly MethodInfo CompareTableMethod = typeof(LedgerAudit).GetMethod(nameof(CompareTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

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
        await using var snapshot = await OpenSnapshotAsync(db, cancellationToken);
        var ledger = snapshot.Second;

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
            var problems = new RowProblems();
            var heads = await db.TreeHeads.AsNoTracking()
                .Where(h => h.CountyId == county)
                .OrderBy(h => h.TreeSize)
                .Select(h => new { h.TreeSize, h.RootHash, h.At, h.Signature, h.Checkpoint })
                .ToListAsync(cancellationToken);
            var signedHeads = heads.Select(h => new SignedTreeHead(new CountyId(county), h.TreeSize, h.RootHash, h.At, h.Signature) { Checkpoint = h.Checkpoint }).ToList();

            var rows = db.LedgerEntries.AsNoTracking()
                .Where(e => e.CountyId == county)
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Bytes, e.LeafHash, e.SubjectType, e.SubjectId })
                .AsEnumerable()
                .Select(row =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (++read % 100_000 == 0)
                    {
                        progress?.Report(read);
                    }

                    CheckFiling(county, row.Sequence, row.Bytes, row.SubjectType, row.SubjectId, problems);
                    return new StoredEntry(row.Sequence, row.Bytes, row.LeafHash);
                });
            var keptHere = kept.Where(c => LogOrigin.CountyOf(c.Origin) == new CountyId(county)).ToList();
            var history = await KeyHistoryAsync(db, county, cancellationToken);
            var report = LedgerVerifier.Verify(rows, signedHeads, publicKeys, keptHere, new CountyId(county), history: history);

            foreach (var table in tables)
            {
                await (Task)CompareTableMethod.MakeGenericMethod(table.Type.ClrType, table.County.ClrType, table.Key.ClrType)
                    .Invoke(null, [db, ledger, table, county, problems, cancellationToken])!;
            }

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
    /// Begins one read snapshot on <paramref name="db"/> and returns a second context reading the same
    /// snapshot: it reads the ledger while the first streams a table, and makes the entries that
    /// snapshot the rows (EF Core keeps those until cleared, so it is cleared per chunk). Disposing it
    /// ends both transactions; they only read, so nothing is committed.
    /// SQLite: both contexts share the connection (SQLite runs many statements on one connection) and
    /// one deferred transaction, whose snapshot is taken at its first read and never takes the write
    /// lock, so the server's writer goes on. PostgreSQL: two connections, both REPEATABLE READ, the
    /// second importing the first's exported snapshot (<c>SET TRANSACTION SNAPSHOT</c>).
    /// </summary>
    private static async Task<SnapshotContext> OpenSnapshotAsync(FenquanDbContext db, CancellationToken cancellationToken)
    {
        var second = (FenquanDbContext)(Activator.CreateInstance(db.GetType(), db.GetService<IDbContextOptions>())
            ?? throw new InvalidOperationException($"Cannot open a second {db.GetType().Name}."));
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                var transaction = sqlite.BeginTransaction(deferred: true);
                await db.Database.UseTransactionAsync(transaction, cancellationToken);
                second.Database.SetDbConnection(sqlite, contextOwnsConnection: false);
                await second.Database.UseTransactionAsync(transaction, cancellationToken);
                return new SnapshotContext(db, second, transaction);
            }

            await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            var snapshot = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(cancellationToken);
            if (snapshot.Length == 0 || !snapshot.All(c => char.IsAsciiHexDigit(c) || c == '-'))
            {
                throw new InvalidOperationException($"PostgreSQL exported an unexpected snapshot id '{snapshot}'.");
            }

            await second.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            // SET TRANSACTION SNAPSHOT takes no parameter; the id was checked above to be hex digits and dashes.
#pragma warning disable EF1003
            await second.Database.ExecuteSqlRawAsync("SET TRANSACTION SNAPSHOT '" + snapshot + "'", cancellationToken);
#pragma warning restore EF1003
            return new SnapshotContext(db, second, null);
        }
        catch
        {
            await second.DisposeAsync();
            throw;
        }
    }

    /// <summary>The second context of an audit's snapshot; disposing it ends the snapshot on both (they only read: nothing to commit).</summary>
    private sealed class SnapshotContext(FenquanDbContext first, FenquanDbContext second, System.Data.Common.DbTransaction? shared) : IAsyncDisposable
    {
        public FenquanDbContext Second { get; } = second;

        public async ValueTask DisposeAsync()
        {
            // PostgreSQL: disposing a context rolls back the transaction it began. SQLite: the shared
            // transaction and connection belong to neither context and are ended here.
            await Second.DisposeAsync();
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
    private static async Task CompareTableAsync<TEntity, TCounty, TKey>(FenquanDbContext db, FenquanDbContext ledger, Table table, Guid county, RowProblems problems, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var countyValue = new Parameter<TCounty>((TCounty)FromGuid(table.County, county));
        var inCounty = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Equal(Property<TCounty>(entity, table.County), Expression.Property(Expression.Constant(countyValue), nameof(Parameter<TCounty>.Value))),
            entity);
        var byKey = Expression.Lambda<Func<TEntity, TKey>>(Property<TKey>(entity, table.Key), entity);
        var rows = db.Set<TEntity>().AsNoTracking().Where(inCounty).OrderBy(byKey).AsAsyncEnumerable();

        var type = table.Type.ClrType.Name;
        var key = table.Key.GetGetter();
        var chunk = new List<(Guid Id, byte[] Snapshot)>(ChunkSize);
        Guid? low = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            // Read straight off the entity through EF's getters: asking the context for an entry
            // per row cost more than the snapshot itself.
            var id = ToGuid(table.Key, key.GetClrValue(row));
            chunk.Add((id, EntitySnapshot.Of(row, table.Type)));
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
        ledger.ChangeTracker.Clear();
        var pending = new Dictionary<Guid, byte[]>(chunk.Count);
        foreach (var (id, snapshot) in chunk)
        {
            pending[id] = snapshot;
        }

        var subjects = ledger.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county && e.SubjectType == type);
        if (low is { } after)
        {
            subjects = subjects.Where(e => e.SubjectId.CompareTo(after) > 0);
        }

        if (high is { } upTo)
        {
            subjects = subjects.Where(e => e.SubjectId.CompareTo(upTo) <= 0);
        }

        var latest = subjects.GroupBy(e => e.SubjectId).Select(g => new { SubjectId = g.Key, Sequence = g.Max(e => e.Sequence) });
        var entries =
            from last in latest
            join e in ledger.LedgerEntries.Where(e => e.CountyId == county) on last.Sequence equals e.Sequence
            select new { last.SubjectId, e.Sequence, e.Bytes };
        await foreach (var last in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
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

    private static object FromGuid(IProperty property, Guid value) =>
        property.ClrType == typeof(Guid) ? value
        : property.GetTypeMapping().Converter?.ConvertFromProvider(value) ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not a Guid id.");

    /// <summary>Read through a member access, so EF Core sends the value as a query parameter, not a literal.</summary>
    private sealed class Parameter<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class RowProblems
    {
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

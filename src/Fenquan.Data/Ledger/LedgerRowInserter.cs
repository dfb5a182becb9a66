using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fenquan.Data.Ledger;

/// <summary>
/// Inserts a batch's ledger rows and tree heads with prepared INSERT statements on the batch's own
/// connection and transaction. Written by hand rather than through change tracking because the
/// ledger is the hot path of every write (R44): tracking adds tens of microseconds per row, a
/// prepared insert a few. Table and column names and parameter conversions come from the
/// EF model, so SQLite and PostgreSQL store exactly what EF queries read back.
/// SQLite runs in process, so one prepared single-row statement stepped per row is fastest; the
/// ledger rows go through SQLite's C API directly (<see cref="SqliteLedgerStatement"/>), because
/// ADO.NET's per-row parameter binding cost more than SQLite's own insert. PostgreSQL pays a round
/// trip per statement, so it gets 100 rows a statement.
/// </summary>
internal static class LedgerRowInserter
{
    public static async Task InsertAsync(FenquanDbContext db, IReadOnlyList<LedgerEntryRow> rows, IReadOnlyList<TreeHeadRow> heads)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is SqliteConnection sqlite && SqliteLedgerStatement.For(db) is { } sql)
        {
            SqliteLedgerStatement.Insert(sqlite, sql, rows);
        }
        else
        {
            await InsertEntriesAsync(db, connection, transaction, rows).ConfigureAwait(false);
        }

        await InsertAsync(db, connection, transaction, heads,
            [nameof(TreeHeadRow.CountyId), nameof(TreeHeadRow.TreeSize), nameof(TreeHeadRow.RootHash), nameof(TreeHeadRow.At), nameof(TreeHeadRow.Signature), nameof(TreeHeadRow.Checkpoint)],
            head => [head.CountyId, head.TreeSize, head.RootHash, head.At, head.Signature, (object?)head.Checkpoint ?? DBNull.Value]).ConfigureAwait(false);
    }

    /// <summary>The ledger rows through ADO.NET and the model's type mappings (PostgreSQL; and SQLite in tests, to compare).</summary>
    internal static Task InsertEntriesAsync(FenquanDbContext db, DbConnection connection, DbTransaction? transaction, IReadOnlyList<LedgerEntryRow> rows) =>
        InsertAsync(db, connection, transaction, rows,
            EntryColumns,
            row => [row.CountyId, row.Sequence, row.Kind, row.SubjectType, row.SubjectId, row.Bytes, row.LeafHash]);

    private static async Task InsertAsync<T>(FenquanDbContext db, DbConnection connection, DbTransaction? transaction, IReadOnlyList<T> rows, string[] propertyNames, Func<T, object[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = propertyNames.Select(name => entityType.FindProperty(name)!).ToArray();
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";

        var rowsPerStatement = db.Database.IsSqlite() ? 1 : 100;
        DbCommand? command = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - offset);
                if (command is null || count != rowsPerStatement)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = prefix + string.Join(", ", Enumerable.Range(0, count).Select(r =>
                        "(" + string.Join(", ", Enumerable.Range(0, properties.Length).Select(c => sql.GenerateParameterNamePlaceholder(Name(r, c)))) + ")"));

                    command.Parameters.Clear();
                    for (var r = 0; r < count; r++)
                    {
                        for (var c = 0; c < properties.Length; c++)
                        {
                            // Typed once from the model's mapping (e.g. SQLite stores Guids as text).
                            command.Parameters.Add(mappings[c].CreateParameter(command, Name(r, c), null, nullable: true));
                        }
                    }
                }

                // The statement and its parameters stay the same: the provider reuses the prepared statement.
                for (var r = 0; r < count; r++)
                {
                    var rowValues = values(rows[offset + r]);
                    for (var c = 0; c < properties.Length; c++)
                    {
                        var value = rowValues[c];
                        command.Parameters[(r * properties.Length) + c].Value = mappings[c].Converter?.ConvertToProvider(value) ?? value;
                    }
                }

                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");

    /// <summary>The ledger columns in the order both insert paths bind them.</summary>
    internal static readonly string[] EntryColumns =
        [nameof(LedgerEntryRow.CountyId), nameof(LedgerEntryRow.Sequence), nameof(LedgerEntryRow.Kind), nameof(LedgerEntryRow.SubjectType), nameof(LedgerEntryRow.SubjectId), nameof(LedgerEntryRow.Bytes), nameof(LedgerEntryRow.LeafHash)];
}

/// <summary>
/// Inserts ledger rows on SQLite through SQLitePCLRaw (the C API that Microsoft.Data.Sqlite itself
/// wraps) on the batch's own connection, inside the transaction EF began on it: one statement
/// prepared per batch, then bind, step and reset per row. Hand-written because no library offers
/// this: ADO.NET's SqliteCommand re-resolves and re-binds its parameter collection through object
/// values on every execution, which cost more than SQLite's own insert, and EF's batching is slower
/// still. Values are bound exactly as EF Core stores them, so every reader (EF queries, LedgerAudit,
/// LedgerProofs, <c>fenquan verify</c>) reads the rows back unchanged: Guids as upper-case text in the
/// "D" format (EF's SqliteGuidTypeMapping binds <c>ToString().ToUpperInvariant()</c>), longs as
/// integers, strings as UTF-8 text, byte arrays as blobs. <see cref="For"/> checks the model still maps
/// the columns that way and returns null otherwise, so a model change falls back to the ADO.NET path
/// instead of writing something EF would not read.
/// </summary>
internal static class SqliteLedgerStatement
{
    private static readonly ConcurrentDictionary<IModel, string?> Sql = new();

    /// <summary>The INSERT statement for the ledger table, or null when the model does not map it as expected.</summary>
    public static string? For(FenquanDbContext db) => Sql.GetOrAdd(db.Model, _ => Build(db));

    public static void Insert(SqliteConnection connection, string sql, IReadOnlyList<LedgerEntryRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(SQLitePCL.raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            Span<byte> county = stackalloc byte[36];
            Span<byte> subject = stackalloc byte[36];
            Guid? formatted = null;
            Utf8Text kind = default, subjectType = default;
            foreach (var row in rows)
            {
                if (formatted != row.CountyId)
                {
                    UpperGuid(row.CountyId, county);
                    formatted = row.CountyId;
                }

                UpperGuid(row.SubjectId, subject);
                Check(SQLitePCL.raw.sqlite3_bind_text(statement, 1, county), handle);
                Check(SQLitePCL.raw.sqlite3_bind_int64(statement, 2, row.Sequence), handle);
                Check(BindText(statement, 3, kind.Of(row.Kind)), handle);
                Check(BindText(statement, 4, subjectType.Of(row.SubjectType)), handle);
                Check(SQLitePCL.raw.sqlite3_bind_text(statement, 5, subject), handle);
                Check(BindBlob(statement, 6, row.Bytes), handle);
                Check(BindBlob(statement, 7, row.LeafHash), handle);
                var stepped = SQLitePCL.raw.sqlite3_step(statement);
                if (stepped != SQLitePCL.raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, handle);
                    throw new InvalidOperationException($"sqlite3_step returned {stepped}.");
                }

                Check(SQLitePCL.raw.sqlite3_reset(statement), handle);
            }
        }
    }

    /// <summary>A string's UTF-8 bytes, kept while consecutive rows repeat it (a batch's kinds mostly do).</summary>
    private struct Utf8Text
    {
        private string? _text;
        private byte[] _bytes;

        public byte[] Of(string text)
        {
            if (!ReferenceEquals(text, _text) && !string.Equals(text, _text, StringComparison.Ordinal))
            {
                _bytes = System.Text.Encoding.UTF8.GetBytes(text);
                _text = text;
            }

            return _bytes;
        }
    }

    /// <summary>The Guid as EF Core stores it on SQLite: "D" format, upper case, as UTF-8.</summary>
    internal static void UpperGuid(Guid value, Span<byte> destination)
    {
        if (!value.TryFormat(destination, out var written, "D") || written != 36)
        {
            throw new InvalidOperationException("A Guid did not format to 36 bytes.");
        }

        for (var i = 0; i < 36; i++)
        {
            if (destination[i] is >= (byte)'a' and <= (byte)'f')
            {
                destination[i] -= 'a' - 'A';
            }
        }
    }

    // A zero-length span would bind NULL; the string overload binds "" as empty text, as ADO.NET does.
    private static int BindText(SQLitePCL.sqlite3_stmt statement, int index, byte[] utf8) =>
        utf8.Length == 0 ? SQLitePCL.raw.sqlite3_bind_text(statement, index, string.Empty) : SQLitePCL.raw.sqlite3_bind_text(statement, index, utf8);

    // A zero-length span would bind NULL; Microsoft.Data.Sqlite binds an empty array as a zero-length blob.
    private static int BindBlob(SQLitePCL.sqlite3_stmt statement, int index, byte[] value) =>
        value.Length == 0 ? SQLitePCL.raw.sqlite3_bind_zeroblob(statement, index, 0) : SQLitePCL.raw.sqlite3_bind_blob(statement, index, value);

    internal static void Check(int rc, SQLitePCL.sqlite3 handle)
    {
        if (rc != SQLitePCL.raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static string? Build(FenquanDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var entityType = db.Model.FindEntityType(typeof(LedgerEntryRow)) ?? throw new InvalidOperationException("LedgerEntryRow is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = LedgerRowInserter.EntryColumns.Select(name => entityType.FindProperty(name)!).ToArray();
        (Type Clr, string Store)[] expected =
        [
            (typeof(Guid), "TEXT"), (typeof(long), "INTEGER"), (typeof(string), "TEXT"), (typeof(string), "TEXT"),
            (typeof(Guid), "TEXT"), (typeof(byte[]), "BLOB"), (typeof(byte[]), "BLOB"),
        ];
        for (var i = 0; i < properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
            if (mapping.Converter is not null || mapping.ClrType != expected[i].Clr
                || !string.Equals(mapping.StoreType, expected[i].Store, StringComparison.OrdinalIgnoreCase)
                || (expected[i].Clr == typeof(Guid) && mapping.GetType().Name != "SqliteGuidTypeMapping"))
            {
                return null;
            }
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var values = string.Join(", ", properties.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"?{i + 1}")));
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})";
    }
}

using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Fenquan.Data.Ledger;

/// <summary>
/// Reads a ledgered table's rows of one county, in the order the database sorts their ids, as each
/// row's id and its <see cref="EntitySnapshot"/>, straight from the data reader (on SQLite from
/// the C API, see <see cref="SqliteRows"/>): no entity is materialised. Hand-written because `fenquan verify` spent most of its time in EF Core building
/// entities (and converting every strongly typed id and enum) only to take them apart again into
/// the snapshot, and no library writes a row's columns as JSON through EF's own mappings. Nothing is
/// decided here: table and column names, how each column is read (<see cref="RelationalTypeMapping.GetDataReaderMethod"/>)
/// and bound (<see cref="RelationalTypeMapping.CreateParameter"/>), and each value's conversion come
/// from the EF model, and the snapshot is written by <see cref="EntitySnapshot"/>'s own value
/// writer, so a row read here gives the bytes the ledger writer recorded for it; a test compares
/// the two for every row of every ledgered table on both databases.
/// </summary>
/// <remarks>
/// A value whose CLR type the snapshot writes as it is (a string, Guid, amount, time …) is read
/// from its provider column and converted back through the property's converter where it has one
/// (a time kept as UTC, say). A value the snapshot writes through its converter (a strongly typed
/// id, an enum, a route kept as JSON) is written as the provider value the column holds, which is
/// what the converter gave when the row was written; an edited value that the converter could not
/// even read back is then reported as a difference instead of stopping the audit.
/// </remarks>
internal static class StoredRows
{
    private static readonly ConcurrentDictionary<IEntityType, Plan> Plans = new();

    /// <summary>
    /// The table's rows of <paramref name="county"/> in id order, each as (id, snapshot). On SQLite
    /// through SQLitePCLRaw where every member is read with one of the typed getters below (see
    /// <see cref="SqliteRows"/>), otherwise through the provider's data reader.
    /// </summary>
    public static async IAsyncEnumerable<(Guid Id, byte[] Snapshot)> ReadAsync(
        FenquanDbContext db, IEntityType type, IProperty countyProperty, Guid county, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var plan = Plans.GetOrAdd(type, t => PlanFor(t, countyProperty, db.GetService<ISqlGenerationHelper>()));
        if (db.Database.GetDbConnection() is SqliteConnection connection && plan.RawSql is not null && SqliteLedgerStatement.For(db) is not null)
        {
            foreach (var row in SqliteRows(db, connection, plan, county))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }

            yield break;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = plan.Sql;
        command.Parameters.Add(plan.CountyMapping.CreateParameter(command, "p0", FromGuid(countyProperty, county), nullable: false));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        await using var writer = new Utf8JsonWriter(buffer, EntitySnapshot.WriterOptions);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetFieldValue<Guid>(plan.KeyOrdinal);
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            WriteMembers(writer, reader, plan.Members);
            writer.WriteEndObject();
            writer.Flush();
            yield return (id, buffer.WrittenSpan.ToArray());
        }
    }

    private static object FromGuid(IProperty property, Guid value) =>
        property.ClrType == typeof(Guid) ? value
        : property.GetTypeMapping().Converter?.ConvertFromProvider(value) ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is not a Guid id.");

    /// <summary>
    /// SQLite: the rows through the C API, each value taken once and read as Microsoft.Data.Sqlite's
    /// typed getters read it (a Guid as <see cref="GuidAt"/>, a bool or number from the integer, text
    /// parsed invariantly). A value those getters would first convert (a blob in a text column, text
    /// that is not valid UTF-8: only an edit behind the application leaves one) sends its row to the
    /// data reader instead, by rowid, so the snapshot is the same bytes either way. Runs inside the read transaction of the connection.
    /// </summary>
    private static IEnumerable<(Guid Id, byte[] Snapshot)> SqliteRows(FenquanDbContext db, SqliteConnection connection, Plan plan, Guid county)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteLedgerStatement.Check(raw.sqlite3_prepare_v2(handle, plan.RawSql, out var statement), handle);
        using (statement)
        {
            var countyText = new byte[36];
            SqliteLedgerStatement.UpperGuid(county, countyText);
            SqliteLedgerStatement.Check(raw.sqlite3_bind_text(statement, 1, countyText), handle);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
            using var writer = new Utf8JsonWriter(buffer, EntitySnapshot.WriterOptions);
            int stepped;
            while ((stepped = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var id = GuidAt(statement, plan.KeyOrdinal);
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                writer.WriteStartObject();
                if (TryWriteMembers(writer, statement, plan.Members))
                {
                    writer.WriteEndObject();
                    writer.Flush();
                    yield return (id, buffer.WrittenSpan.ToArray());
                }
                else
                {
                    yield return (id, ReadByRow(db, plan, raw.sqlite3_column_int64(statement, plan.Selected)));
                }
            }

            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, handle);
            }
        }
    }

    /// <summary>One row's snapshot through the data reader, found by its rowid.</summary>
    private static byte[] ReadByRow(FenquanDbContext db, Plan plan, long row)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = plan.ByRowSql;
        command.Parameters.Add(new SqliteParameter("$row", row));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Row {row} of {plan.Sql} vanished inside the audit's read transaction.");
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, EntitySnapshot.WriterOptions))
        {
            writer.WriteStartObject();
            WriteMembers(writer, reader, plan.Members);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// <see cref="WriteMembers"/> over the C API, for members whose <see cref="Stored"/> getter is
    /// known; false when a value must be read by the data reader (see <see cref="SqliteRows"/>).
    /// </summary>
    private static bool TryWriteMembers(Utf8JsonWriter writer, sqlite3_stmt row, Member[] members)
    {
        Span<char> room = stackalloc char[64];
        foreach (var member in members)
        {
            if (member.Children is { } children)
            {
                writer.WritePropertyName(member.Name);
                if (member.Nullable && member.Ordinals.All(o => raw.sqlite3_column_type(row, o) == raw.SQLITE_NULL))
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                if (!TryWriteMembers(writer, row, children))
                {
                    return false;
                }

                writer.WriteEndObject();
                continue;
            }

            var ordinal = member.Ordinal;
            var storage = raw.sqlite3_column_type(row, ordinal);
            if (storage == raw.SQLITE_NULL)
            {
                if (!member.OmitWhenDefault)
                {
                    writer.WritePropertyName(member.Name);
                    writer.WriteNullValue();
                }

                continue;
            }

            // What Microsoft.Data.Sqlite reads as text (GetString, GetDecimal, GetDateTimeOffset, GetDateOnly) is
            // taken here only from text that is valid UTF-8, the bytes it would decode.
            var text = member.Stored is Stored.String or Stored.Decimal or Stored.DateTimeOffset or Stored.DateOnly ? raw.sqlite3_column_blob(row, ordinal) : default;
            if (!text.IsEmpty && (storage != raw.SQLITE_TEXT || !System.Text.Unicode.Utf8.IsValid(text)))
            {
                return false;
            }

            if (member.OmitWhenDefault && (member.Stored == Stored.String ? text.IsEmpty : member.Stored == Stored.Boolean && raw.sqlite3_column_int64(row, ordinal) == 0))
            {
                continue;
            }

            writer.WritePropertyName(member.Name);
            switch (member.Stored)
            {
                case Stored.String: writer.WriteStringValue(text); break;
                case Stored.Guid: EntitySnapshot.Write(writer, GuidAt(row, ordinal)); break;
                case Stored.Decimal: EntitySnapshot.Write(writer, decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)); break;
                case Stored.DateTimeOffset: EntitySnapshot.Write(writer, DateTimeOffset.Parse(Chars(text, room), CultureInfo.InvariantCulture)); break;
                case Stored.DateOnly: EntitySnapshot.Write(writer, DateOnly.Parse(Chars(text, room), CultureInfo.InvariantCulture)); break;
                case Stored.Boolean: writer.WriteBooleanValue(raw.sqlite3_column_int64(row, ordinal) != 0); break;
                case Stored.Int32: writer.WriteNumberValue(checked((int)raw.sqlite3_column_int64(row, ordinal))); break;
                case Stored.Int64: writer.WriteNumberValue(raw.sqlite3_column_int64(row, ordinal)); break;
                case Stored.Other: throw new InvalidOperationException($"{member.Name} has no typed getter: its table is read by the data reader.");
            }
        }

        return true;
    }

    /// <summary>Valid UTF-8 text as the characters Microsoft.Data.Sqlite parses a time or day from (in <paramref name="room"/> when it fits).</summary>
    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> text, Span<char> room)
    {
        var chars = text.Length <= room.Length ? room : new char[text.Length];
        return chars[..Encoding.UTF8.GetChars(text, chars)];
    }

    /// <summary>
    /// One ledger entry as the audit streams it: the verifier's bytes and leaf hash, the lookup columns
    /// it checks, and on SQLite the row's rowid (0 elsewhere), which the audit checks grows with the sequence.
    /// </summary>
    public readonly record struct Entry(long Sequence, byte[] Bytes, byte[] LeafHash, string SubjectType, Guid SubjectId, long Row);

    /// <summary>
    /// The county's ledger entries in sequence order, read column by column (the audit reads every
    /// entry once). On SQLite through SQLitePCLRaw, as <see cref="SqliteLedgerStatement"/> writes them
    /// and where it finds the model mapping the columns as it expects: each value is taken once from
    /// the C API (ADO.NET's reader asked SQLite for the column count and type again on every value,
    /// and made a string of each Guid before parsing it), read as Microsoft.Data.Sqlite reads it.
    /// </summary>
    public static IEnumerable<Entry> Entries(FenquanDbContext db, Guid county)
    {
        var ledger = LedgerColumns.Of(db);
        var sqlite = db.Database.IsSqlite();
        var sql = $"SELECT {ledger.Sequence}, {ledger.Bytes}, {ledger.LeafHash}, {ledger.SubjectType}, {ledger.SubjectId}{(sqlite ? ", rowid" : "")} FROM {ledger.Table} WHERE {ledger.County} = {{0}} ORDER BY {ledger.Sequence}";
        return db.Database.GetDbConnection() is SqliteConnection connection && SqliteLedgerStatement.For(db) is not null
            ? SqliteEntries(connection, string.Format(CultureInfo.InvariantCulture, sql, "?1"), county)
            : ReaderEntries(db, ledger, string.Format(CultureInfo.InvariantCulture, sql, ledger.P("c")), county, sqlite);
    }

    private static IEnumerable<Entry> ReaderEntries(FenquanDbContext db, LedgerColumns ledger, string sql, Guid county, bool sqlite)
    {
        using var command = ledger.Command(db, sql);
        ledger.Bind(command, "c", county);
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        while (reader.Read())
        {
            yield return new Entry(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2), reader.GetString(3), reader.GetFieldValue<Guid>(4), sqlite ? reader.GetInt64(5) : 0);
        }
    }

    // The statement runs inside the read transaction already begun on the connection.
    private static IEnumerable<Entry> SqliteEntries(SqliteConnection connection, string sql, Guid county)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteLedgerStatement.Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var countyText = new byte[36];
            SqliteLedgerStatement.UpperGuid(county, countyText);
            SqliteLedgerStatement.Check(raw.sqlite3_bind_text(statement, 1, countyText), handle);
            int stepped;
            while ((stepped = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                yield return new Entry(
                    raw.sqlite3_column_int64(statement, 0),
                    raw.sqlite3_column_blob(statement, 1).ToArray(),
                    raw.sqlite3_column_blob(statement, 2).ToArray(),
                    Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 3)),
                    GuidAt(statement, 4),
                    raw.sqlite3_column_int64(statement, 5));
            }

            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, handle);
            }
        }
    }

    /// <summary>A Guid column as Microsoft.Data.Sqlite's GetGuid reads it: a 16-byte blob as its bytes, anything else as text.</summary>
    private static Guid GuidAt(sqlite3_stmt statement, int column)
    {
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (Utf8Parser.TryParse(bytes, out Guid value, out var consumed, 'D') && consumed == bytes.Length)
        {
            return value;
        }

        return bytes.Length == 16 && raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB
            ? new Guid(bytes)
            : new Guid(Encoding.UTF8.GetString(bytes));
    }

    /// <summary>
    /// The last entry (sequence and bytes) of every subject of <paramref name="subjectType"/> in the
    /// county whose id is in (<paramref name="low"/>, <paramref name="high"/>], either end open when
    /// null, over the index on (county, subject type, subject id). PostgreSQL: the max sequence per
    /// subject. SQLite: the max rowid per subject, which that index holds (no read of the entries
    /// themselves, then one read of each last entry by its rowid, in rowid order: see
    /// <see cref="SqliteLastEntries"/>) — the last entry only while rowids grow with the sequence,
    /// which the audit checks on every entry it streams.
    /// </summary>
    public static async IAsyncEnumerable<(Guid SubjectId, long Sequence, byte[] Bytes)> LastEntriesAsync(
        FenquanDbContext db, Guid county, string subjectType, Guid? low, Guid? high, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ledger = LedgerColumns.Of(db);
        if (db.Database.GetDbConnection() is SqliteConnection connection && SqliteLedgerStatement.For(db) is not null)
        {
            foreach (var entry in SqliteLastEntries(connection, ledger, county, subjectType, low, high))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }

            yield break;
        }

        var range = (low is null ? "" : $" AND {ledger.SubjectId} > {ledger.P("low")}") + (high is null ? "" : $" AND {ledger.SubjectId} <= {ledger.P("high")}");
        var (last, join) = db.Database.IsSqlite()
            ? ("rowid", "e.rowid = l.m")
            : (ledger.Sequence, $"e.{ledger.County} = {ledger.P("c")} AND e.{ledger.Sequence} = l.m");
        await using var command = ledger.Command(db,
            $"SELECT e.{ledger.SubjectId}, e.{ledger.Sequence}, e.{ledger.Bytes} FROM {ledger.Table} e JOIN "
            + $"(SELECT {ledger.SubjectId} AS s, MAX({last}) AS m FROM {ledger.Table} WHERE {ledger.County} = {ledger.P("c")} AND {ledger.SubjectType} = {ledger.P("t")}{range} GROUP BY {ledger.SubjectId}) l "
            + $"ON {join}");
        ledger.Bind(command, "c", county);
        ledger.BindType(command, "t", subjectType);
        if (low is { } after)
        {
            ledger.Bind(command, "low", after);
        }

        if (high is { } upTo)
        {
            ledger.Bind(command, "high", upTo);
        }

        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetFieldValue<Guid>(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        }
    }

    /// <summary>
    /// SQLite, through the C API: the subjects' largest rowids from the index alone, then their rows
    /// read in rowid order, the order of the file, rather than in subject order, which jumps across
    /// it; given back in subject order, as the join on PostgreSQL gives them.
    /// </summary>
    private static List<(Guid SubjectId, long Sequence, byte[] Bytes)> SqliteLastEntries(SqliteConnection connection, LedgerColumns ledger, Guid county, string subjectType, Guid? low, Guid? high)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var lasts = new List<(Guid SubjectId, long Row)>();
        var sql = $"SELECT {ledger.SubjectId}, MAX(rowid) FROM {ledger.Table} WHERE {ledger.County} = ?1 AND {ledger.SubjectType} = ?2"
            + (low is null ? "" : $" AND {ledger.SubjectId} > ?3") + (high is null ? "" : $" AND {ledger.SubjectId} <= ?4") + $" GROUP BY {ledger.SubjectId}";
        SqliteLedgerStatement.Check(raw.sqlite3_prepare_v2(handle, sql, out var subjects), handle);
        using (subjects)
        {
            Span<byte> text = stackalloc byte[36];
            SqliteLedgerStatement.UpperGuid(county, text);
            SqliteLedgerStatement.Check(raw.sqlite3_bind_text(subjects, 1, text), handle);
            SqliteLedgerStatement.Check(raw.sqlite3_bind_text(subjects, 2, subjectType), handle);
            if (low is { } after)
            {
                SqliteLedgerStatement.UpperGuid(after, text);
                SqliteLedgerStatement.Check(raw.sqlite3_bind_text(subjects, 3, text), handle);
            }

            if (high is { } upTo)
            {
                SqliteLedgerStatement.UpperGuid(upTo, text);
                SqliteLedgerStatement.Check(raw.sqlite3_bind_text(subjects, 4, text), handle);
            }

            int stepped;
            while ((stepped = raw.sqlite3_step(subjects)) == raw.SQLITE_ROW)
            {
                lasts.Add((GuidAt(subjects, 0), raw.sqlite3_column_int64(subjects, 1)));
            }

            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, handle);
            }
        }

        var order = Enumerable.Range(0, lasts.Count).ToArray();
        Array.Sort(order, (a, b) => lasts[a].Row.CompareTo(lasts[b].Row));
        var entries = new (Guid SubjectId, long Sequence, byte[] Bytes)[lasts.Count];
        var found = new bool[lasts.Count];
        SqliteLedgerStatement.Check(raw.sqlite3_prepare_v2(handle, $"SELECT {ledger.Sequence}, {ledger.Bytes} FROM {ledger.Table} WHERE rowid = ?1", out var byRow), handle);
        using (byRow)
        {
            foreach (var i in order)
            {
                SqliteLedgerStatement.Check(raw.sqlite3_bind_int64(byRow, 1, lasts[i].Row), handle);
                var stepped = raw.sqlite3_step(byRow);
                if (stepped == raw.SQLITE_ROW)
                {
                    entries[i] = (lasts[i].SubjectId, raw.sqlite3_column_int64(byRow, 0), raw.sqlite3_column_blob(byRow, 1).ToArray());
                    found[i] = true;
                }
                else if (stepped != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, handle);
                }

                SqliteLedgerStatement.Check(raw.sqlite3_reset(byRow), handle);
            }
        }

        return [.. entries.Where((_, i) => found[i])];
    }

    /// <summary>SQLite: the rowid of the ledger's last row as this context's read transaction sees it (the server only appends).</summary>
    public static async Task<long?> LastLedgerRowAsync(FenquanDbContext db, CancellationToken cancellationToken)
    {
        var ledger = LedgerColumns.Of(db);
        await using var command = ledger.Command(db, $"SELECT max(rowid) FROM {ledger.Table}");
        return await command.ExecuteScalarAsync(cancellationToken) is long row ? row : null;
    }

    /// <summary>The ledger table's delimited names and its Guid and text mappings, from the EF model.</summary>
    private sealed class LedgerColumns
    {
        private static readonly ConcurrentDictionary<IModel, LedgerColumns> Known = new();

        private readonly ISqlGenerationHelper _sql;
        private readonly RelationalTypeMapping _guid;
        private readonly RelationalTypeMapping _text;

        private LedgerColumns(IEntityType type, ISqlGenerationHelper sql)
        {
            _sql = sql;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
            Table = sql.DelimitIdentifier(table.Name, table.Schema);
            County = Column(nameof(LedgerEntryRow.CountyId));
            Sequence = Column(nameof(LedgerEntryRow.Sequence));
            Bytes = Column(nameof(LedgerEntryRow.Bytes));
            LeafHash = Column(nameof(LedgerEntryRow.LeafHash));
            SubjectType = Column(nameof(LedgerEntryRow.SubjectType));
            SubjectId = Column(nameof(LedgerEntryRow.SubjectId));
            _guid = type.FindProperty(nameof(LedgerEntryRow.SubjectId))!.GetRelationalTypeMapping();
            _text = type.FindProperty(nameof(LedgerEntryRow.SubjectType))!.GetRelationalTypeMapping();
        }

        public string Table { get; }

        public string County { get; }

        public string Sequence { get; }

        public string Bytes { get; }

        public string LeafHash { get; }

        public string SubjectType { get; }

        public string SubjectId { get; }

        public static LedgerColumns Of(FenquanDbContext db) =>
            Known.GetOrAdd(db.Model, model => new LedgerColumns(model.FindEntityType(typeof(LedgerEntryRow))!, db.GetService<ISqlGenerationHelper>()));

        public string P(string name) => _sql.GenerateParameterNamePlaceholder(name);

        public DbCommand Command(FenquanDbContext db, string text)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = text;
            return command;
        }

        // Typed from the model's mappings, as EF binds them (SQLite keeps Guids as text …).
        public void Bind(DbCommand command, string name, Guid value) => command.Parameters.Add(_guid.CreateParameter(command, name, value, nullable: false));

        public void BindType(DbCommand command, string name, string value) => command.Parameters.Add(_text.CreateParameter(command, name, value, nullable: false));
    }

    private static void WriteMembers(Utf8JsonWriter writer, DbDataReader reader, Member[] members)
    {
        foreach (var member in members)
        {
            if (member.Children is { } children)
            {
                writer.WritePropertyName(member.Name);
                if (member.Ordinals.All(reader.IsDBNull) && member.Nullable)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteMembers(writer, reader, children);
                writer.WriteEndObject();
                continue;
            }

            var ordinal = member.Ordinal;
            if (member.Stored != Stored.Other && !member.OmitWhenDefault)
            {
                writer.WritePropertyName(member.Name);
                if (reader.IsDBNull(ordinal))
                {
                    writer.WriteNullValue();
                    continue;
                }

                // The common columns read with the provider's typed getter, unboxed.
                switch (member.Stored)
                {
                    case Stored.String: writer.WriteStringValue(reader.GetString(ordinal)); break;
                    case Stored.Guid: EntitySnapshot.Write(writer, reader.GetGuid(ordinal)); break;
                    case Stored.Decimal: EntitySnapshot.Write(writer, reader.GetDecimal(ordinal)); break;
                    case Stored.DateTimeOffset: EntitySnapshot.Write(writer, reader.GetFieldValue<DateTimeOffset>(ordinal)); break;
                    case Stored.DateOnly: EntitySnapshot.Write(writer, reader.GetFieldValue<DateOnly>(ordinal)); break;
                    case Stored.Boolean: writer.WriteBooleanValue(reader.GetBoolean(ordinal)); break;
                    case Stored.Int32: writer.WriteNumberValue(reader.GetInt32(ordinal)); break;
                    default: writer.WriteNumberValue(reader.GetInt64(ordinal)); break;
                }

                continue;
            }

            var value = reader.IsDBNull(ordinal) ? null : member.Read!(reader, ordinal);
            if (value is not null && member.FromProvider is { } converter)
            {
                value = converter.ConvertFromProvider(value);
            }

            if (member.OmitWhenDefault && value is null or false or "")
            {
                continue;
            }

            writer.WritePropertyName(member.Name);
            EntitySnapshot.WriteValue(writer, value, converter: null);
        }
    }

    /// <summary>A member of the snapshot: a column (with its reader and conversion) or a complex value's members.</summary>
    private sealed record Member(string Name, int Ordinal, Func<DbDataReader, int, object>? Read, ValueConverter? FromProvider, bool OmitWhenDefault, Member[]? Children, int[] Ordinals, bool Nullable)
    {
        /// <summary>The column's stored type, where the provider reads it with its own typed getter and the snapshot writes it as read.</summary>
        public Stored Stored { get; init; }
    }

    private enum Stored
    {
        Other,
        String,
        Guid,
        Decimal,
        DateTimeOffset,
        DateOnly,
        Boolean,
        Int32,
        Int64,
    }

    /// <summary>
    /// The typed getter the column is read with, when the model's mapping reads it with the getter of
    /// its type (GetString, GetGuid …, or GetFieldValue of it) and the value is written as read.
    /// </summary>
    private static Stored StoredAs(RelationalTypeMapping mapping, Type clr)
    {
        if (mapping.Converter is { } converter && EntitySnapshot.WritesAsIs(clr))
        {
            return Stored.Other; // converted back to its CLR value first (a time kept as UTC …)
        }

        var type = mapping.Converter?.ProviderClrType ?? clr;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var stored = type == typeof(string) ? Stored.String
            : type == typeof(Guid) ? Stored.Guid
            : type == typeof(decimal) ? Stored.Decimal
            : type == typeof(DateTimeOffset) ? Stored.DateTimeOffset
            : type == typeof(DateOnly) ? Stored.DateOnly
            : type == typeof(bool) ? Stored.Boolean
            : type == typeof(int) ? Stored.Int32
            : type == typeof(long) ? Stored.Int64
            : Stored.Other;
        var method = mapping.GetDataReaderMethod();
        var own = method.Name == "Get" + type.Name || method.Name == "Get" + (type == typeof(bool) ? "Boolean" : type.Name)
            || (method.IsGenericMethod && method.Name == nameof(DbDataReader.GetFieldValue) && method.GetGenericArguments()[0] == type);
        return own ? stored : Stored.Other;
    }

    /// <param name="RawSql">SQLite: the same select with the rowid last (at <paramref name="Selected"/>), the county bound as text, or null where a member has no typed getter.</param>
    /// <param name="ByRowSql">SQLite: the same columns of one row by its rowid.</param>
    private sealed record Plan(string Sql, RelationalTypeMapping CountyMapping, int KeyOrdinal, Member[] Members, string? RawSql, string ByRowSql, int Selected);

    private static Plan PlanFor(IEntityType type, IProperty countyProperty, ISqlGenerationHelper sql)
    {
        var tableName = type.GetTableName() ?? throw new NotSupportedException($"{type.ClrType.Name} is not mapped to a table.");
        var table = new Columns(StoreObjectIdentifier.Table(tableName, type.GetSchema()), sql);
        var members = MembersOf(type, table);
        var key = type.FindPrimaryKey()!.Properties.Single();
        var keyOrdinal = table.Ordinal(key);
        var from = sql.DelimitIdentifier(table.Table.Name, table.Table.Schema);
        var columns = string.Join(", ", table.Selected);
        var text = $"SELECT {columns} FROM {from} WHERE {table.Name(countyProperty)} = {sql.GenerateParameterNamePlaceholder("p0")} ORDER BY {table.Name(key)}";
        var countyMapping = countyProperty.GetRelationalTypeMapping();
        var raw = Typed(members) && countyMapping.StoreType == "TEXT" && (countyMapping.Converter?.ProviderClrType ?? countyMapping.ClrType) == typeof(Guid)
            ? $"SELECT {columns}, rowid FROM {from} WHERE {table.Name(countyProperty)} = ?1 ORDER BY {table.Name(key)}"
            : null;
        return new Plan(text, countyMapping, keyOrdinal, members, raw, $"SELECT {columns} FROM {from} WHERE rowid = $row", table.Selected.Count);
    }

    private static bool Typed(Member[] members) => members.All(m => m.Children is { } children ? Typed(children) : m.Stored != Stored.Other);

    // The same members as EntitySnapshot's plan (mapped, non-shadow properties and complex
    // properties, by ordinal name), each bound to the column it is read from.
    private static Member[] MembersOf(ITypeBase type, Columns table) =>
    [
        .. type.GetProperties().Where(p => !p.IsShadowProperty()).Select(p => Column(type, p, table))
            .Concat(type.GetComplexProperties().Select(c => Complex(c, table)))
            .OrderBy(m => m.Name, StringComparer.Ordinal),
    ];

    private static Member Column(ITypeBase type, IProperty property, Columns table)
    {
        var mapping = property.GetRelationalTypeMapping();
        var ordinal = table.Ordinal(property);
        var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var converter = mapping.Converter;
        return new Member(property.Name, ordinal, ReaderFor(mapping),
            converter is not null && EntitySnapshot.WritesAsIs(clr) ? converter : null,
            EntitySnapshot.IsAddedLater(type, property), null, [ordinal], false)
        { Stored = StoredAs(mapping, clr) };
    }

    private static Member Complex(IComplexProperty complex, Columns table)
    {
        if (complex.IsCollection || complex.ComplexType.IsMappedToJson())
        {
            throw new NotSupportedException($"{complex.DeclaringType.DisplayName()}.{complex.Name} is a collection or JSON complex value, which the audit does not read yet.");
        }

        var first = table.Selected.Count;
        var children = MembersOf(complex.ComplexType, table);
        return new Member(complex.Name, -1, null, null, false, children, [.. Enumerable.Range(first, table.Selected.Count - first)], complex.IsNullable);
    }

    /// <summary>The columns a plan selects, in select order, each delimited once.</summary>
    private sealed class Columns(StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        private readonly Dictionary<IProperty, int> _ordinals = [];

        public StoreObjectIdentifier Table { get; } = table;

        public List<string> Selected { get; } = [];

        public string Name(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(Table)
            ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no column in {Table.Name}."));

        public int Ordinal(IProperty property)
        {
            if (!_ordinals.TryGetValue(property, out var ordinal))
            {
                ordinal = _ordinals[property] = Selected.Count;
                Selected.Add(Name(property));
            }

            return ordinal;
        }
    }

    /// <summary>The provider's own read of the column (GetString, GetGuid, GetFieldValue&lt;T&gt; …), compiled once.</summary>
    private static Func<DbDataReader, int, object> ReaderFor(RelationalTypeMapping mapping)
    {
        var method = mapping.GetDataReaderMethod();
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        Expression target = method.DeclaringType is { } declaring && declaring != typeof(DbDataReader) && !declaring.IsAssignableFrom(typeof(DbDataReader))
            ? Expression.Convert(reader, declaring)
            : reader;
        var call = method.IsStatic ? Expression.Call(method, target, ordinal) : Expression.Call(target, method, ordinal);
        return Expression.Lambda<Func<DbDataReader, int, object>>(Expression.Convert(call, typeof(object)), reader, ordinal).Compile();
    }
}

using System.Buffers.Text;
using System.Data.Common;
using Fenquan.Core.Flags;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Fenquan.Data.Operations;

/// <summary>
/// <c>fenquan flags scan</c> (R47): the split-purchase and threshold flags over history, for the
/// county's inspectors. Two streaming passes, each a single read of one window index in its order —
/// (unit, supplier, day, id) and (unit, category, day, id) — through the core's sliding window
/// (<see cref="SplitWindow"/>), so memory stays bounded by the densest window whatever the history's
/// size; the passes run side by side on their own connections. Each purchase is judged against the
/// purchases before it, as at submission, so the scan finds what the inline check found (for the
/// same settings); threshold hugging is reported by the supplier pass. On SQLite the rows are read
/// through the C API (as <c>LedgerRowInserter</c> writes them): the keys are compared as bytes and
/// nothing is allocated per row.
/// </summary>
public static class FlagScan
{
    /// <summary>The index the supplier pass reads (see <c>PurchaseRecordConfiguration</c>).</summary>
    public const string SupplierWindowIndex = "ix_purchase_records_supplier_window";

    /// <summary>The index the category pass reads.</summary>
    public const string CategoryWindowIndex = "ix_purchase_records_category_window";

    /// <summary>
    /// Calls <paramref name="found"/> for each flag of purchases submitted from <paramref name="from"/>
    /// to <paramref name="to"/> (both included; null: all) in <paramref name="unit"/> (null: every unit
    /// of the county). Purchases before <paramref name="from"/> still count in the window of those
    /// after it. <paramref name="found"/> is called from both passes at once: it must be thread-safe.
    /// </summary>
    public static async Task RunAsync(DatabaseSettings database, CountyId county, UnitId? unit, DateOnly? from, DateOnly? to, FlagSettings settings, Action<ScanFlag> found,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(found);
        var first = from?.DayNumber ?? int.MinValue;
        var range = new Range(county, unit, from is null ? int.MinValue : FlagChecks.WindowStart(first, settings), to?.DayNumber ?? int.MaxValue, first);
        await Task.WhenAll(
            Task.Run(() => Pass(database, range, SplitBasis.Supplier, settings, found, cancellationToken), cancellationToken),
            Task.Run(() => Pass(database, range, SplitBasis.Category, settings, found, cancellationToken), cancellationToken));
    }

    private static void Pass(DatabaseSettings database, Range range, SplitBasis basis, FlagSettings settings, Action<ScanFlag> found, CancellationToken cancellationToken)
    {
        using var db = FenquanDatabase.CreateContext(database);
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        var key = basis == SplitBasis.Supplier ? "\"CounterpartyId\"" : "\"Category\"";
        // SQLite's planner, given statistics, may prefer the (unit, day) index and sort: the pass
        // reads its window index in order instead (PostgreSQL does so by itself).
        var index = connection is SqliteConnection
            ? $"INDEXED BY {(basis == SplitBasis.Supplier ? SupplierWindowIndex : CategoryWindowIndex)} "
            : string.Empty;
        var sql =
            $"SELECT \"UnitId\", {key}, \"SubmittedDay\", \"Id\", \"AmountFen\", \"LimitFen\" FROM purchase_records {index}" +
            $"WHERE \"CountyId\" = @county{(range.Unit is null ? string.Empty : " AND \"UnitId\" = @unit")} AND \"SubmittedDay\" >= @from AND \"SubmittedDay\" <= @to" +
            (basis == SplitBasis.Category ? $" AND {key} IS NOT NULL" : string.Empty) +
            $" ORDER BY \"CountyId\", \"UnitId\", {key}, \"SubmittedDay\", \"Id\"";
        var pass = new PassState(new SplitWindow(settings), basis, range.FirstReported, found);
        if (connection is SqliteConnection sqlite)
        {
            SqlitePass(sqlite, sql, range, pass, cancellationToken);
        }
        else
        {
            AdoPass(connection, sql, range, pass, cancellationToken);
        }
    }

    // SQLite keeps a Guid as its upper-case text (EF Core's mapping): the keys are compared as those bytes.
    private static void SqlitePass(SqliteConnection connection, string sql, Range range, PassState pass, CancellationToken cancellationToken)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteRaw.Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            SqliteRaw.Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@county"), SqliteRaw.Key(range.County.Value)), handle);
            if (range.Unit is { } unit)
            {
                SqliteRaw.Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@unit"), SqliteRaw.Key(unit.Value)), handle);
            }

            SqliteRaw.Check(raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@from"), range.From), handle);
            SqliteRaw.Check(raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "@to"), range.To), handle);
            var unitKey = new byte[64];
            var groupKey = new byte[256];
            var unitLength = -1;
            var keyLength = -1; // -2: null
            var rows = 0;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var unitBytes = raw.sqlite3_column_blob(statement, 0);
                var keyNull = raw.sqlite3_column_type(statement, 1) == raw.SQLITE_NULL;
                var keyBytes = keyNull ? default : raw.sqlite3_column_blob(statement, 1);
                if (!unitBytes.SequenceEqual(unitKey.AsSpan(0, Math.Max(unitLength, 0))) || unitLength < 0
                    || keyNull != (keyLength == -2) || (!keyNull && !keyBytes.SequenceEqual(groupKey.AsSpan(0, Math.Max(keyLength, 0)))))
                {
                    unitLength = Copy(unitBytes, ref unitKey);
                    keyLength = keyNull ? -2 : Copy(keyBytes, ref groupKey);
                    pass.Window.StartGroup();
                }

                if (!Utf8Parser.TryParse(raw.sqlite3_column_blob(statement, 3), out Guid id, out _))
                {
                    throw new InvalidOperationException("A purchase record's id is not a Guid.");
                }

                var limit = raw.sqlite3_column_type(statement, 5) == raw.SQLITE_NULL ? (long?)null : raw.sqlite3_column_int64(statement, 5);
                pass.Row(unitKey.AsSpan(0, unitLength), keyNull, raw.sqlite3_column_int(statement, 2), id, raw.sqlite3_column_int64(statement, 4), limit);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }

    private static void AdoPass(DbConnection connection, string sql, Range range, PassState pass, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "county", range.County.Value);
        if (range.Unit is { } unit)
        {
            Add(command, "unit", unit.Value);
        }

        Add(command, "from", range.From);
        Add(command, "to", range.To);
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        var groupUnit = default(Guid?);
        var groupKey = default(string);
        Span<byte> text = stackalloc byte[36];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowUnit = reader.GetGuid(0);
            var rowKey = reader.IsDBNull(1) ? null : reader.GetValue(1).ToString();
            var day = reader.GetInt32(2);
            var id = reader.GetGuid(3);
            var amount = reader.GetInt64(4);
            long? limit = reader.IsDBNull(5) ? null : reader.GetInt64(5);
            if (rowUnit != groupUnit || rowKey != groupKey)
            {
                pass.Window.StartGroup();
                groupUnit = rowUnit;
                groupKey = rowKey;
            }

            Utf8Formatter.TryFormat(rowUnit, text, out _);
            pass.Row(text, rowKey is null, day, id, amount, limit);
        }
    }

    private static int Copy(ReadOnlySpan<byte> from, ref byte[] to)
    {
        if (from.Length > to.Length)
        {
            to = new byte[from.Length * 2];
        }

        from.CopyTo(to);
        return from.Length;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record Range(CountyId County, UnitId? Unit, int From, int To, int FirstReported);

    // One pass's window and what it reports: hugging in the supplier pass, splits in both.
    private sealed record PassState(SplitWindow Window, SplitBasis Basis, int FirstReported, Action<ScanFlag> Found)
    {
        public void Row(ReadOnlySpan<byte> unitText, bool noKey, int day, Guid id, long amount, long? limit)
        {
            var reported = day >= FirstReported;
            if (Basis == SplitBasis.Supplier && reported && Window.Hugs(amount, limit))
            {
                Found(new ScanFlag(RedFlagKind.ThresholdHugging, null, Unit(unitText), new MatterId(id), day, amount, limit!.Value, amount, []));
            }

            if (!noKey && Window.Add(id, day, amount, limit) is { } hit && reported)
            {
                Found(new ScanFlag(RedFlagKind.SplitPurchase, Basis, Unit(unitText), new MatterId(id), day, amount, hit.LimitFen, hit.TotalFen, hit.Others));
            }
        }

        private static UnitId Unit(ReadOnlySpan<byte> text) =>
            Utf8Parser.TryParse(text, out Guid unit, out _) ? new UnitId(unit) : throw new InvalidOperationException("A purchase record's unit is not a Guid.");
    }
}

/// <summary>
/// A flag the scan found: kind, basis (split purchase), unit, matter (the purchase record's id), day
/// number, amount, limit and total in fen, and the other purchases of a split, in order.
/// </summary>
public sealed record ScanFlag(RedFlagKind Kind, SplitBasis? Basis, UnitId Unit, MatterId Matter, int Day, long AmountFen, long LimitFen, long TotalFen, IReadOnlyList<Guid> Others);

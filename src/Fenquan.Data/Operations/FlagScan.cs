using System.Data.Common;
using System.Runtime.CompilerServices;
using Fenquan.Core.Flags;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// <c>fenquan flags scan</c> (R47): the split-purchase and threshold flags over history, for the
/// county's inspectors. Two streaming passes, each a single read of one window index in its order —
/// (unit, supplier, day, id), then (unit, category, day, id) — through the core's sliding window
/// (<see cref="SplitWindow"/>), so memory stays bounded by the densest window whatever the history's
/// size. Each purchase is judged against the purchases before it, as at submission, so the scan finds
/// what the inline check found (for the same settings); threshold hugging is reported in the first pass.
/// </summary>
public static class FlagScan
{
    /// <summary>
    /// The flags of purchases submitted from <paramref name="from"/> to <paramref name="to"/> (both
    /// included; null: all) in <paramref name="unit"/> (null: every unit of the county). Purchases
    /// before <paramref name="from"/> still count in the window of those after it.
    /// </summary>
    public static async IAsyncEnumerable<ScanFlag> RunAsync(FenquanDbContext db, CountyId county, UnitId? unit, DateOnly? from, DateOnly? to, FlagSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var first = from?.DayNumber ?? int.MinValue;
        var last = to?.DayNumber ?? int.MaxValue;
        var read = new Range(county, unit, from is null ? int.MinValue : FlagChecks.WindowStart(first, settings), last, db.Database.IsSqlite());
        await foreach (var flag in PassAsync(connection, read, SplitBasis.Supplier, first, settings, cancellationToken))
        {
            yield return flag;
        }

        await foreach (var flag in PassAsync(connection, read, SplitBasis.Category, first, settings, cancellationToken))
        {
            yield return flag;
        }
    }

    private static async IAsyncEnumerable<ScanFlag> PassAsync(DbConnection connection, Range range, SplitBasis basis, int firstReported, FlagSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var key = basis == SplitBasis.Supplier ? "\"CounterpartyId\"" : "\"Category\"";
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT \"UnitId\", {key}, \"SubmittedDay\", \"Id\", \"AmountFen\", \"LimitFen\" FROM purchase_records " +
            $"WHERE \"CountyId\" = @county{(range.Unit is null ? string.Empty : " AND \"UnitId\" = @unit")} AND \"SubmittedDay\" >= @from AND \"SubmittedDay\" <= @to" +
            (basis == SplitBasis.Category ? $" AND {key} IS NOT NULL" : string.Empty) +
            $" ORDER BY \"CountyId\", \"UnitId\", {key}, \"SubmittedDay\", \"Id\"";
        Add(command, "county", range.Guid(range.County.Value));
        if (range.Unit is { } unit)
        {
            Add(command, "unit", range.Guid(unit.Value));
        }

        Add(command, "from", range.From);
        Add(command, "to", range.To);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var window = new SplitWindow(settings);
        var groupUnit = default(string);
        var groupKey = default(string);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowUnit = reader.GetValue(0).ToString();
            var rowKey = reader.IsDBNull(1) ? null : reader.GetValue(1).ToString();
            var day = reader.GetInt32(2);
            var id = reader.GetGuid(3);
            var amount = reader.GetInt64(4);
            long? limit = reader.IsDBNull(5) ? null : reader.GetInt64(5);
            if (rowUnit != groupUnit || rowKey != groupKey)
            {
                window.StartGroup();
                groupUnit = rowUnit;
                groupKey = rowKey;
            }

            var reported = day >= firstReported;
            if (basis == SplitBasis.Supplier && reported && window.Hugs(amount, limit))
            {
                yield return new ScanFlag(RedFlagKind.ThresholdHugging, null, new UnitId(Guid.Parse(rowUnit!)), new MatterId(id), day, amount, limit!.Value, amount, []);
            }

            if (rowKey is null)
            {
                continue;
            }

            if (window.Add(id, day, amount, limit) is { } hit && reported)
            {
                yield return new ScanFlag(RedFlagKind.SplitPurchase, basis, new UnitId(Guid.Parse(rowUnit!)), new MatterId(id), day, amount, hit.LimitFen, hit.TotalFen, hit.Others);
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // SQLite keeps a Guid as its upper-case text (EF Core's mapping), PostgreSQL as uuid.
    private sealed record Range(CountyId County, UnitId? Unit, int From, int To, bool Sqlite)
    {
        public object Guid(Guid value) => Sqlite ? value.ToString("D").ToUpperInvariant() : value;
    }
}

/// <summary>
/// A flag the scan found: kind, basis (split purchase), unit, matter (the purchase record's id), day
/// number, amount, limit and total in fen, and the other purchases of a split, in order.
/// </summary>
public sealed record ScanFlag(RedFlagKind Kind, SplitBasis? Basis, UnitId Unit, MatterId Matter, int Day, long AmountFen, long LimitFen, long TotalFen, IReadOnlyList<Guid> Others);

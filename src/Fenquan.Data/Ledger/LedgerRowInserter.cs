using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fenquan.Data.Ledger;

/// <summary>
/// Inserts a batch's ledger rows and tree heads with multi-row INSERT statements on the batch's own
/// connection and transaction. Written by hand rather than through change tracking because the
/// ledger is the hot path of every write (R44): tracking adds tens of microseconds per row, a
/// prepared multi-row insert a few. Table and column names and parameter conversions come from the
/// EF model, so SQLite and PostgreSQL store exactly what EF queries read back.
/// SQLite runs in process, so one prepared single-row statement executed per row is fastest (its
/// parameter binding grows with the square of a statement's parameters); PostgreSQL pays a round
/// trip per statement, so it gets 100 rows a statement.
/// </summary>
internal static class LedgerRowInserter
{

    public static async Task InsertAsync(FenquanDbContext db, IReadOnlyList<LedgerEntryRow> rows, IReadOnlyList<TreeHeadRow> heads)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await InsertAsync(db, connection, transaction, rows,
            [nameof(LedgerEntryRow.CountyId), nameof(LedgerEntryRow.Sequence), nameof(LedgerEntryRow.Kind), nameof(LedgerEntryRow.SubjectType), nameof(LedgerEntryRow.SubjectId), nameof(LedgerEntryRow.Bytes), nameof(LedgerEntryRow.LeafHash)],
            row => [row.CountyId, row.Sequence, row.Kind, row.SubjectType, row.SubjectId, row.Bytes, row.LeafHash]).ConfigureAwait(false);
        await InsertAsync(db, connection, transaction, heads,
            [nameof(TreeHeadRow.CountyId), nameof(TreeHeadRow.TreeSize), nameof(TreeHeadRow.RootHash), nameof(TreeHeadRow.At), nameof(TreeHeadRow.Signature)],
            head => [head.CountyId, head.TreeSize, head.RootHash, head.At, head.Signature]).ConfigureAwait(false);
    }

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
}

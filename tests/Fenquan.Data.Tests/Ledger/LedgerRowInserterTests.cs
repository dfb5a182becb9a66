using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fenquan.Data.Tests.Ledger;

// R44: on SQLite the writer inserts ledger rows through SQLite's C API, bypassing EF and ADO.NET.
// Every reader goes through EF, so the rows must be stored exactly as EF stores them.
[Trait("Rule", "R44")]
public class LedgerRowInserterTests
{
    // Hex letters in both Guids (EF stores them upper case on SQLite), Chinese text, an empty blob and string.
    private static readonly Guid County = Guid.Parse("0190abcd-ef01-7abc-8def-0123456789ab");

    private static List<LedgerEntryRow> Rows() =>
    [
        new() { CountyId = County, Sequence = 0, Kind = "signin.succeeded", SubjectType = "SignIn", SubjectId = Guid.Parse("fedcba98-7654-7321-8fed-cba987654321"), Bytes = "{\"seq\":0}"u8.ToArray(), LeafHash = MerkleHash.Leaf("{\"seq\":0}"u8) },
        new() { CountyId = County, Sequence = 1, Kind = "人员.新增", SubjectType = "Person", SubjectId = Guid.Empty, Bytes = [0, 1, 2, 255], LeafHash = [] },
        new() { CountyId = County, Sequence = long.MaxValue, Kind = "k", SubjectType = string.Empty, SubjectId = Guid.Parse("019abcde-0000-7000-a000-00000000000f"), Bytes = new byte[10_000], LeafHash = new byte[32] },
    ];

    [Fact]
    public async Task OnSqlite_TheRawInsertPathIsUsed()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = database.Context();

        Assert.NotNull(SqliteLedgerStatement.For(db));
    }

    [Fact]
    public async Task RowsInsertedThroughTheCApi_AreStoredExactlyAsEfStoresThem()
    {
        await using var raw = await TestDatabase.CreateAsync("sqlite");
        await using var ado = await TestDatabase.CreateAsync("sqlite");
        await InsertAsync(raw, useRawPath: true);
        await InsertAsync(ado, useRawPath: false);

        // Same stored values and the same SQLite storage classes, column by column.
        var stored = await DumpAsync(raw);
        Assert.Equal(await DumpAsync(ado), stored);
        Assert.Equal(3, stored.Count);
        Assert.StartsWith("'0190ABCD-EF01-7ABC-8DEF-0123456789AB'|0|'signin.succeeded'|'SignIn'|'FEDCBA98-7654-7321-8FED-CBA987654321'|X'", stored[0], StringComparison.Ordinal);
        Assert.Contains("text|integer|text|text|text|blob|blob", stored[0], StringComparison.Ordinal);

        // And EF reads them back (querying by Guid, which only matches EF's own text format) unchanged.
        await using var db = raw.Context();
        var read = await db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == County).OrderBy(e => e.Sequence).ToListAsync();
        var expected = Rows();
        Assert.Equal(expected.Count, read.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].CountyId, read[i].CountyId);
            Assert.Equal(expected[i].Sequence, read[i].Sequence);
            Assert.Equal(expected[i].Kind, read[i].Kind);
            Assert.Equal(expected[i].SubjectType, read[i].SubjectType);
            Assert.Equal(expected[i].SubjectId, read[i].SubjectId);
            Assert.Equal(expected[i].Bytes, read[i].Bytes);
            Assert.Equal(expected[i].LeafHash, read[i].LeafHash);
        }

        var subject = expected[0].SubjectId;
        Assert.Equal(0, (await db.LedgerEntries.SingleAsync(e => e.SubjectId == subject)).Sequence);
    }

    [Fact]
    public async Task ADuplicateRow_FailsTheInsertWithSqlitesError()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await InsertAsync(database, useRawPath: true);

        var error = await Assert.ThrowsAsync<SqliteException>(() => InsertAsync(database, useRawPath: true));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: (CountyId, Sequence) is the key.
    }

    [Fact]
    public async Task ManyEventsThroughTheWriter_ReadBackAndVerify()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var county = CountyId.New();
        var subjects = Enumerable.Range(0, 500).Select(_ => Guid.CreateVersion7()).ToArray();

        await Task.WhenAll(subjects.Select(subject => database.Writer.ExecuteAsync(county, "signin.succeeded", ctx =>
        {
            ctx.Append("SignIn", subject, """{"person":"王建国","ok":true}""");
            return Result<bool>.Ok(true);
        })));

        await using var db = database.Context();
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.Value).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(subjects.Order(), rows.Select(r => r.SubjectId).Order());
        Assert.All(rows, row =>
        {
            var entry = LedgerEntry.Parse(row.Bytes);
            Assert.Equal(row.Sequence, entry.Sequence);
            Assert.Equal(row.SubjectId, entry.SubjectId);
            Assert.Equal(MerkleHash.Leaf(row.Bytes), row.LeafHash);
        });
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    private static async Task InsertAsync(TestDatabase database, bool useRawPath)
    {
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (useRawPath)
        {
            SqliteLedgerStatement.Insert(connection, SqliteLedgerStatement.For(db)!, Rows());
        }
        else
        {
            await LedgerRowInserter.InsertEntriesAsync(db, connection, (SqliteTransaction)transaction.GetDbTransaction(), Rows());
        }

        await transaction.CommitAsync();
    }

    private static async Task<List<string>> DumpAsync(TestDatabase database)
    {
        await using var db = database.Context();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT quote(CountyId) || '|' || quote(Sequence) || '|' || quote(Kind) || '|' || quote(SubjectType) || '|' || quote(SubjectId)
                || '|' || quote(Bytes) || '|' || quote(LeafHash) || '|' || typeof(CountyId) || '|' || typeof(Sequence) || '|' || typeof(Kind)
                || '|' || typeof(SubjectType) || '|' || typeof(SubjectId) || '|' || typeof(Bytes) || '|' || typeof(LeafHash)
            FROM ledger_entries ORDER BY rowid
            """;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}

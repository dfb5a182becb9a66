using Fenquan.Core.Ledger;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Fenquan.Data.Tests;

/// <summary>
/// A fresh, migrated database on the provider a test asks for: a SQLite file in a temporary data
/// folder, or a new database on the throwaway PostgreSQL server. The same data tests run on both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseSettings settings, DataDirectory data)
    {
        Settings = settings;
        Data = data;
        Signer = SigningKeyStore.LoadOrCreate(data);
        Writer = new LedgerWriter(settings, Signer, Time);
    }

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    public DatabaseSettings Settings { get; }

    public DataDirectory Data { get; }

    // Ticks below the microsecond on purpose: PostgreSQL keeps microseconds, the writer must too.
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567));

    public TreeHeadSigner Signer { get; }

    public LedgerWriter Writer { get; private set; }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-test-").FullName).EnsureCreated();
        var settings = provider switch
        {
            "sqlite" => DatabaseSettings.ForSqliteFile(data.DatabaseFile),
            "postgres" => new DatabaseSettings(DatabaseProvider.PostgreSql, await (await PostgresServer.StartOrSkipAsync()).CreateDatabaseAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        await FenquanDatabase.MigrateAsync(settings);
        return new TestDatabase(settings, data);
    }

    public FenquanDbContext Context() => FenquanDatabase.CreateContext(Settings);

    /// <summary>Stops the writer and starts a new one on the same database, as a restart would.</summary>
    public async Task RestartWriterAsync()
    {
        await Writer.DisposeAsync();
        Writer = new LedgerWriter(Settings, Signer, Time);
    }

    public async Task<AuditReport> AuditAsync()
    {
        await using var db = Context();
        return await LedgerAudit.RunAsync(db, Signer.PublicKey);
    }

    /// <summary>Asserts that every county's ledger and rows verify, naming what does not.</summary>
    public async Task AssertLedgerIntactAsync()
    {
        var audit = await AuditAsync();
        Assert.True(audit.IsIntact, string.Join("\n", audit.Counties.SelectMany(c => c.Rows.Select(r => r.Message).Concat(c.Ledger.Problems.Select(p => p.Message)))));
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Signer.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Data.Root, recursive: true);
            if (Directory.Exists(Data.Root + "-keys"))
            {
                Directory.Delete(Data.Root + "-keys", recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}

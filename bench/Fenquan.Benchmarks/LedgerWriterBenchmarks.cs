using BenchmarkDotNet.Attributes;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;

namespace Fenquan.Benchmarks;

/// <summary>
/// R44 ledger appends through the one writer on SQLite (WAL, synchronous=FULL: each batch is on
/// disk before its callers hear OK), reported per entry. Concurrent callers are group-committed.
/// "Person" adds one domain row and its ledger entry per unit of work (the realistic path);
/// "LedgerOnly" measures the ledger append path itself — canonical bytes, SHA-256 leaf, Merkle
/// accumulator, multi-row insert, signed tree head, durable commit — with units of work that each
/// ledger one event and change no row (as sign-ins are ledgered).
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*LedgerWriter*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerWriterBenchmarks
{
    private const int Concurrent = 2_000;

    private DataDirectory _data = null!;
    private FenquanStore _store = null!;
    private CountyId _county;

    [GlobalSetup]
    public void Setup()
    {
        _data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-bench-").FullName).EnsureCreated();
        _store = FenquanStore.OpenAsync(_data, DatabaseSettings.ForSqliteFile(_data.DatabaseFile), TimeProvider.System).GetAwaiter().GetResult();
        _county = CountyId.New();
        var county = _county;
        _store.Writer.ExecuteAsync(county, "county.created", ctx =>
        {
            ctx.Db.Counties.Add(new County(county, "基准县", CountyBounds.Default));
            return Result<bool>.Ok(true);
        }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data.Root, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public async Task Person()
    {
        var county = _county;
        var tasks = new Task<Result<bool>>[Concurrent];
        for (var i = 0; i < Concurrent; i++)
        {
            tasks[i] = _store.Writer.ExecuteAsync(county, "person.added", ctx =>
            {
                ctx.Db.People.Add(new Person(PersonId.New(), county, "基准"));
                return Result<bool>.Ok(true);
            });
        }

        await Task.WhenAll(tasks);
    }

    [Benchmark(OperationsPerInvoke = Concurrent)]
    public async Task LedgerOnly()
    {
        var county = _county;
        var tasks = new Task<Result<bool>>[Concurrent];
        for (var i = 0; i < Concurrent; i++)
        {
            var subject = Guid.CreateVersion7();
            tasks[i] = _store.Writer.ExecuteAsync(county, "signin.succeeded", ctx =>
            {
                ctx.Append("SignIn", subject, """{"person":"基准","ip":"127.0.0.1","ok":true}""");
                return Result<bool>.Ok(true);
            });
        }

        await Task.WhenAll(tasks);
    }
}

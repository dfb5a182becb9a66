using BenchmarkDotNet.Attributes;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Storage;

namespace Fenquan.Benchmarks;

/// <summary>
/// The CPU parts of one ledger append, each alone (R44): the entry's canonical bytes through the
/// entry object and the JSON writer (reference) and through the writer's fast path, the SHA-256
/// leaf, the Merkle accumulator, and EF's change detection on an empty context (what an event-only
/// unit of work pays for being checked for changed rows).
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*LedgerAppendParts*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerAppendPartsBenchmarks
{
    private const string Data = """{"person":"基准","ip":"127.0.0.1","ok":true}""";
    private static readonly CountyId County = CountyId.New();
    private static readonly Guid Subject = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;
    private readonly MerkleAccumulator _accumulator = new();
    private readonly byte[] _bytes = LedgerEntry.CanonicalBytes(County, 12_345, At, "signin.succeeded", "SignIn", Subject, Data);
    private readonly byte[] _leaf = MerkleHash.Leaf([1, 2, 3]);
    private FenquanDbContext _db = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("fenquan-parts-").FullName;
        _db = FenquanDatabase.CreateContext(DatabaseSettings.ForSqliteFile(Path.Combine(_folder, "parts.db")));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public byte[] CanonicalBytesThroughEntry() => new LedgerEntry(County, 12_345, At, "signin.succeeded", "SignIn", Subject, Data).ToCanonicalBytes();

    [Benchmark]
    public byte[] CanonicalBytesFastPath() => LedgerEntry.CanonicalBytes(County, 12_345, At, "signin.succeeded", "SignIn", Subject, Data);

    [Benchmark]
    public byte[] LeafHash() => MerkleHash.Leaf(_bytes);

    [Benchmark]
    public long AccumulatorAppend()
    {
        _accumulator.Append(_leaf);
        return _accumulator.Size;
    }

    [Benchmark]
    public int DetectChangesAndEntriesOnEmptyContext()
    {
        _db.ChangeTracker.DetectChanges();
        return _db.ChangeTracker.Entries().Count();
    }

    /// <summary>What the writer does for one event-only unit between running it and inserting its row.</summary>
    [Benchmark]
    public int EventUnitLedgerPhase()
    {
        var context = new Fenquan.Data.Ledger.WriteContext(_db, At, County);
        context.Append("SignIn", Subject, Data);
        _db.ChangeTracker.DetectChanges();
        var changed = 0;
        foreach (var entry in _db.ChangeTracker.Entries())
        {
            changed += entry.State == Microsoft.EntityFrameworkCore.EntityState.Added ? 1 : 0;
        }

        var bytes = LedgerEntry.CanonicalBytes(County, _accumulator.Size, At, "signin.succeeded", "SignIn", Subject, Data);
        var leaf = MerkleHash.Leaf(bytes);
        _accumulator.Append(leaf);
        var row = new Fenquan.Data.Ledger.LedgerEntryRow { CountyId = County.Value, Sequence = _accumulator.Size, Kind = "signin.succeeded", SubjectType = "SignIn", SubjectId = Subject, Bytes = bytes, LeafHash = leaf };
        return changed + row.Bytes.Length;
    }
}

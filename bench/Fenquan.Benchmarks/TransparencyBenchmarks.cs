using BenchmarkDotNet.Attributes;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Data.Witness;

namespace Fenquan.Benchmarks;

/// <summary>
/// R44 transparency at 1,000,000 entries: an inclusion and a consistency proof built from hash tiles
/// read from SQLite (what a matter's ledger view and a witness push cost), the same from tiles in
/// memory (the computation alone), and a witness's cosigning rate (check the log's signature and
/// the consistency proof, cosign, persist its record) per checkpoint.
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*Transparency*' --job short
/// </summary>
[MemoryDiagnoser]
public class TransparencyBenchmarks
{
    private const int Entries = 1_000_000;
    private const int Pushes = 200;

    private readonly Dictionary<(int, long), byte[]> _tiles = [];
    private readonly Random _random = new(44);
    private DataDirectory _data = null!;
    private FenquanStore _store = null!;
    private CountyId _county;
    private long _size;
    private TreeHeadSigner _logKey = null!;
    private List<string> _requests = [];
    private string _witnessFolder = "";
    private WitnessService _witness = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Tiles in memory for the pure computation.
        var builder = new TileBuilder([]);
        var completed = new List<Tile>();
        for (int i = 0; i < Entries; i++)
        {
            builder.Append(MerkleHash.Leaf(BitConverter.GetBytes(i)), completed);
        }

        foreach (var tile in completed.Concat(builder.TakeChangedPartials()))
        {
            _tiles[(tile.Level, tile.Index)] = tile.Hashes;
        }

        // A SQLite ledger of a million entries written through the writer, its tiles built once.
        _data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-bench-tiles-").FullName).EnsureCreated();
        _store = FenquanStore.OpenAsync(_data, DatabaseSettings.ForSqliteFile(_data.DatabaseFile), TimeProvider.System).GetAwaiter().GetResult();
        _county = CountyId.New();
        var county = _county;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (int round = 0; round < Entries / 2_000; round++)
        {
            Task.WhenAll(Enumerable.Range(0, 2_000).Select(_ => _store.Writer.ExecuteAsync(county, "bench.event", ctx =>
            {
                ctx.Append("bench", Guid.CreateVersion7(), "{}");
                return Result<bool>.Ok(true);
            }))).GetAwaiter().GetResult();
        }

        Console.WriteLine($"// {Entries} entries written in {started.Elapsed.TotalSeconds:F1} s");
        using var db = _store.Context();
        _size = TransparencyQueries.LatestHeadAsync(db, county).GetAwaiter().GetResult()!.TreeSize;
        started.Restart();
        LedgerTiles.CatchUpAsync(db, county, _size).GetAwaiter().GetResult();
        Console.WriteLine($"// tiles for {_size} entries built in {started.Elapsed.TotalSeconds:F1} s");

        // Checkpoints growing by 5,000 entries each, with their consistency proofs, for the witness.
        _logKey = TreeHeadSigner.Create();
        var tree = new TiledTree(Entries, (level, index, width) => _tiles[(level, index)][..(width * 32)]);
        long previous = 0;
        foreach (long n in Enumerable.Range(1, Pushes).Select(i => (long)i * (Entries / Pushes)))
        {
            var atN = new TiledTree(n, (level, index, width) => _tiles[(level, index)][..(width * 32)]);
            var note = new Checkpoint(LogOrigin.Of(county), n, atN.Root()).Sign(_logKey);
            _requests.Add(new AddCheckpointRequest(previous, previous == 0 ? [] : atN.ConsistencyProof(previous), note).Format());
            previous = n;
        }

        GC.KeepAlive(tree);
    }

    [IterationSetup(Target = nameof(WitnessCosigns))]
    public void NewWitness()
    {
        _witness?.Dispose();
        _witnessFolder = Directory.CreateTempSubdirectory("fenquan-bench-witness-").FullName;
        _witness = WitnessService.Open(_witnessFolder, "bench.witness/w", TimeProvider.System);
        _witness.TrustLogs([new NoteVerifierKey(LogOrigin.Of(_county), NoteKeyType.Ed25519, _logKey.PublicKey)]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _witness?.Dispose();
        _logKey.Dispose();
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data.Root, recursive: true);
    }

    [Benchmark]
    public IReadOnlyList<byte[]> InclusionProofInMemory() =>
        new TiledTree(Entries, (level, index, width) => _tiles[(level, index)][..(width * 32)]).InclusionProof(_random.NextInt64(Entries));

    [Benchmark]
    public IReadOnlyList<byte[]> ConsistencyProofInMemory() =>
        new TiledTree(Entries, (level, index, width) => _tiles[(level, index)][..(width * 32)]).ConsistencyProof(_random.NextInt64(1, Entries));

    [Benchmark]
    public async Task<IReadOnlyList<byte[]>> InclusionProofFromSqlite()
    {
        await using FenquanDbContext db = _store.Context();
        return (await LedgerTiles.TreeAsync(db, _county, _size)).InclusionProof(_random.NextInt64(_size));
    }

    [Benchmark]
    public async Task<IReadOnlyList<byte[]>> ConsistencyProofFromSqlite()
    {
        await using FenquanDbContext db = _store.Context();
        return (await TransparencyQueries.ConsistencyAsync(db, _county, _random.NextInt64(1, _size), _size)).Value;
    }

    [Benchmark(OperationsPerInvoke = Pushes)]
    public async Task WitnessCosigns()
    {
        foreach (var request in _requests)
        {
            var answer = await _witness.AddCheckpointAsync(request);
            if (answer.Status != 200)
            {
                throw new InvalidOperationException(answer.Body);
            }
        }
    }
}

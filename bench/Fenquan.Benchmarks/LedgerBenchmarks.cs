using System.Text;
using BenchmarkDotNet.Attributes;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Benchmarks;

/// <summary>
/// R44 ledger throughput, reported per entry (OperationsPerInvoke): verification of a million stored
/// rows of about 250 bytes on one core (target ≥ 1,000,000 entries/s), the bare SHA-256 leaf hashing
/// it is bounded by, and accumulator appends (the writer's root computation).
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*Ledger*' --job short
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Entries = 1_000_000;

    // One signed head per 10,000 entries: the storage layer signs periodically, not per batch
    // (an Ed25519 verification costs as much as ~150 leaf hashes).
    private const int HeadEvery = 10_000;

    private StoredEntry[] _rows = [];
    private List<SignedTreeHead> _heads = [];
    private byte[] _publicKey = [];
    private byte[] _leafHashes = [];

    [GlobalSetup]
    public void Setup()
    {
        var county = new CountyId(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
        var start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var signer = TreeHeadSigner.Create();
        _publicKey = signer.PublicKey;
        _rows = new StoredEntry[Entries];
        _leafHashes = new byte[Entries * MerkleHash.Size];
        var accumulator = new MerkleAccumulator();
        var random = new Random(44);
        var subject = new Guid("0190a1b2-0000-7000-8000-000000000001");
        long totalBytes = 0;
        for (int i = 0; i < Entries; i++)
        {
            // About 250 bytes in all, like a small matter snapshot.
            string data = $$"""{"amount":{{random.Next(1, 500_000)}}.{{random.Next(0, 100):D2}},"state":"Submitted","area":"Finance"}""";
            byte[] bytes = new LedgerEntry(county, i, start.AddSeconds(i), "matter.submitted", "Matter", subject, data).ToCanonicalBytes();
            totalBytes += bytes.Length;
            Memory<byte> leaf = _leafHashes.AsMemory(i * MerkleHash.Size, MerkleHash.Size);
            MerkleHash.Leaf(bytes, leaf.Span);
            _rows[i] = new StoredEntry(i, bytes, leaf);
            accumulator.Append(leaf.Span);
            if ((i + 1) % HeadEvery == 0)
            {
                _heads.Add(signer.Sign(county, accumulator.Size, accumulator.Root(), start.AddSeconds(i)));
            }
        }

        Console.WriteLine($"// {Entries} entries, average {totalBytes / (double)Entries:F0} bytes, {_heads.Count} signed heads");
        LedgerReport report = LedgerVerifier.Verify(_rows, _heads, _publicKey, county);
        if (!report.IsIntact || report.HeadsChecked != _heads.Count)
        {
            throw new InvalidOperationException("The benchmark ledger does not verify.");
        }
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "Verify ledger (per entry)")]
    public long Verify() => LedgerVerifier.Verify(_rows, _heads, _publicKey).TreeSize;

    [Benchmark(OperationsPerInvoke = Entries, Baseline = true, Description = "SHA-256 leaf hash only (per entry)")]
    public byte LeafHashOnly()
    {
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        byte x = 0;
        foreach (StoredEntry row in _rows)
        {
            MerkleHash.Leaf(row.Bytes.Span, hash);
            x ^= hash[0];
        }

        return x;
    }

    // The machine's reference: one-shot SHA-256 of each entry, as in "3.7M 256-byte hashes/s/core".
    [Benchmark(OperationsPerInvoke = Entries, Description = "SHA256.HashData one-shot (per entry)")]
    public byte RawSha256OneShot()
    {
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        byte x = 0;
        foreach (StoredEntry row in _rows)
        {
            System.Security.Cryptography.SHA256.HashData(row.Bytes.Span, hash);
            x ^= hash[0];
        }

        return x;
    }

    [Benchmark(OperationsPerInvoke = Entries, Description = "Accumulator append (per entry)")]
    public long AccumulatorAppend()
    {
        var accumulator = new MerkleAccumulator();
        ReadOnlySpan<byte> leaves = _leafHashes;
        for (int i = 0; i < Entries; i++)
        {
            accumulator.Append(leaves.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }

        return accumulator.Size;
    }
}

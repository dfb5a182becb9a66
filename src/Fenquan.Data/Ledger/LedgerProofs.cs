using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Ledger;

/// <summary>An entry with the proof that it is in the tree a signed head commits to (RFC 9162 §2.1.3).</summary>
public sealed record InclusionProof(long Sequence, byte[] EntryBytes, byte[] LeafHash, SignedTreeHead Head, IReadOnlyList<byte[]> Path)
{
    /// <summary>Checks the proof against the head's root (and, with a public key, the head's signature).</summary>
    public Outcome Check(byte[]? publicKey = null)
    {
        if (publicKey is not null && !TreeHeadSigner.Verify(publicKey, Head))
        {
            return Refusal.Because("R44", "TreeHeadSignature", "The tree head's signature is not valid.");
        }

        return !MerkleHash.Leaf(EntryBytes).AsSpan().SequenceEqual(LeafHash)
            ? Refusal.Because("R44", "EntryHash", "The entry's bytes do not hash to its leaf.")
            : MerkleProofs.CheckInclusion(Sequence, Head.TreeSize, LeafHash, Path, Head.RootHash);
    }
}

/// <summary>A proof that the tree of an earlier signed head is a prefix of a later one (RFC 9162 §2.1.4).</summary>
public sealed record ConsistencyProof(SignedTreeHead From, SignedTreeHead To, IReadOnlyList<byte[]> Path)
{
    public Outcome Check() => MerkleProofs.CheckConsistency(From.TreeSize, To.TreeSize, From.RootHash, To.RootHash, Path);
}

/// <summary>
/// R44: proofs that anyone holding the public key can check without trusting the server — that an
/// entry is in the ledger, and that the ledger only ever grew between two signed heads.
/// </summary>
public static class LedgerProofs
{
    // Per model: the subject type names of the ledgered tables.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, string[]> SubjectTypes = new();

    /// <summary>The inclusion proof of entry <paramref name="sequence"/> against the latest signed head covering it.</summary>
    public static async Task<Result<InclusionProof>> InclusionAsync(FenquanDbContext db, CountyId county, long sequence, CancellationToken cancellationToken = default)
    {
        var head = await db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county.Value && h.TreeSize > sequence)
            .OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.CountyId == county.Value && e.Sequence == sequence, cancellationToken);
        if (head is null || entry is null)
        {
            return Refusal.NotFound($"Ledger entry #{sequence} under a signed tree head");
        }

        var tree = await LedgerTiles.TreeAsync(db, county, head.TreeSize, cancellationToken);
        var path = tree.InclusionProof(sequence);
        return Result<InclusionProof>.Ok(new InclusionProof(sequence, entry.Bytes, entry.LeafHash, ToHead(county, head), path));
    }

    /// <summary>The consistency proof between the signed heads of sizes <paramref name="fromSize"/> and <paramref name="toSize"/>.</summary>
    public static async Task<Result<ConsistencyProof>> ConsistencyAsync(FenquanDbContext db, CountyId county, long fromSize, long toSize, CancellationToken cancellationToken = default)
    {
        if (fromSize <= 0 || fromSize > toSize)
        {
            return Refusal.Because(Refusal.InvalidId, "ProofRangePositive", "A consistency proof needs 0 < from ≤ to.");
        }

        var heads = await db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county.Value && (h.TreeSize == fromSize || h.TreeSize == toSize)).ToListAsync(cancellationToken);
        var from = heads.FirstOrDefault(h => h.TreeSize == fromSize);
        var to = heads.FirstOrDefault(h => h.TreeSize == toSize);
        if (from is null || to is null)
        {
            return Refusal.NotFound($"Signed tree heads of sizes {fromSize} and {toSize}");
        }

        var tree = await LedgerTiles.TreeAsync(db, county, toSize, cancellationToken);
        return Result<ConsistencyProof>.Ok(new ConsistencyProof(ToHead(county, from), ToHead(county, to), tree.ConsistencyProof(fromSize)));
    }

    /// <summary>
    /// The county's entries about any of <paramref name="subjects"/> (a matter, its actions and
    /// changes), in sequence order. Asked as every ledgered table's name with each id, so that the
    /// index on (county, subject type, subject id) finds them in a few seeks: by the ids alone the
    /// database reads the county's whole ledger (0.5 s at 1,000,000 matters). Only rows of ledgered
    /// tables carry these ids; events the writer is handed name the county or an id of their own.
    /// </summary>
    /// <remarks>Sorted here, not by the database: asked to sort, SQLite walks the county's whole ledger in sequence order instead.</remarks>
    public static async Task<List<LedgerEntryRow>> EntriesAboutAsync(FenquanDbContext db, CountyId county, IReadOnlyCollection<Guid> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = SubjectTypes.GetOrAdd(db.Model, model => [.. model.GetEntityTypes().Where(t => LedgerWriter.IsLedgered(t.ClrType) && !t.IsOwned()).Select(t => t.ClrType.Name).Distinct().Order(StringComparer.Ordinal)]);
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.CountyId == county.Value && types.Contains(e.SubjectType) && subjects.Contains(e.SubjectId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }

    internal static SignedTreeHead ToHead(CountyId county, TreeHeadRow row) => new(county, row.TreeSize, row.RootHash, row.At, row.Signature) { Checkpoint = row.Checkpoint };
}

using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Ledger;

/// <summary>
/// What anyone may read about a county's ledger without signing in (R44): its latest checkpoint with
/// the witnesses' cosignatures, its hash tiles and consistency proofs between sizes. Entries
/// themselves stay private; hashes reveal nothing about them.
/// </summary>
public static class TransparencyQueries
{
    /// <summary>The latest signed head that has a checkpoint, or null when the county has none.</summary>
    public static Task<TreeHeadRow?> LatestHeadAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken = default) =>
        db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county.Value && h.Checkpoint != null)
            .OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The latest checkpoint as served at <c>/checkpoint</c>: the log's note plus every cosignature collected for it.</summary>
    public static async Task<string?> LatestCheckpointAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken = default)
    {
        var head = await LatestHeadAsync(db, county, cancellationToken).ConfigureAwait(false);
        return head is null ? null : await WithCosignaturesAsync(db, county, head, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The head's checkpoint note with the cosignature lines collected for its size appended.</summary>
    public static async Task<string> WithCosignaturesAsync(FenquanDbContext db, CountyId county, TreeHeadRow head, CancellationToken cancellationToken = default)
    {
        var lines = await db.Set<CosignatureRow>().AsNoTracking().Where(c => c.CountyId == county.Value && c.TreeSize == head.TreeSize)
            .OrderBy(c => c.Witness).Select(c => c.Line).ToListAsync(cancellationToken).ConfigureAwait(false);
        return head.Checkpoint + string.Concat(lines);
    }

    /// <summary>The hashes of tile (level, index) of the given width, as of the latest checkpoint; null when it holds no such tile.</summary>
    public static async Task<byte[]?> TileAsync(FenquanDbContext db, CountyId county, int level, long index, int width, CancellationToken cancellationToken = default)
    {
        var head = await LatestHeadAsync(db, county, cancellationToken).ConfigureAwait(false);
        return head is null ? null : await LedgerTiles.TileAsync(db, county, head.TreeSize, level, index, width, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The RFC 6962 consistency proof from size <paramref name="from"/> to size <paramref name="to"/> (both at most the latest checkpoint's).</summary>
    public static async Task<Result<IReadOnlyList<byte[]>>> ConsistencyAsync(FenquanDbContext db, CountyId county, long from, long to, CancellationToken cancellationToken = default)
    {
        var head = await LatestHeadAsync(db, county, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return Refusal.NotFound("The county's checkpoint");
        }

        if (from < 0 || from > to || to > head.TreeSize)
        {
            return Refusal.Because(Refusal.InvalidId, "ProofRange", "A consistency proof needs 0 ≤ from ≤ to ≤ {size}.", ("size", head.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tree = await LedgerTiles.TreeAsync(db, county, to, cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<byte[]>>.Ok(tree.ConsistencyProof(from));
    }
}

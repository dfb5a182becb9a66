using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Testing;

/// <summary>
/// The attack of issue 13 by someone who holds the server and its signing key (R44): one entry's
/// content changed, its leaf hash recomputed, every signed head and checkpoint re-signed with the
/// stolen key, and the derived tiles dropped. Every check made from the server's own folder passes.
/// </summary>
public static class LedgerForgery
{
    public static async Task ForgeAsync(FenquanDbContext db, CountyId county, long sequence, TreeHeadSigner stolenKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stolenKey);
        var entry = await db.LedgerEntries.SingleAsync(e => e.CountyId == county.Value && e.Sequence == sequence, cancellationToken);
        entry.Bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entry.Bytes).Replace("\"kind\":\"", "\"kind\":\"forged.", StringComparison.Ordinal));
        entry.LeafHash = MerkleHash.Leaf(entry.Bytes);
        await db.SaveChangesAsync(cancellationToken);
        var leaves = await db.LedgerEntries.Where(e => e.CountyId == county.Value).OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToListAsync(cancellationToken);
        foreach (var head in await db.TreeHeads.Where(h => h.CountyId == county.Value).ToListAsync(cancellationToken))
        {
            var forged = stolenKey.Sign(county, head.TreeSize, MerkleProofs.RootOf(leaves, Math.Min(head.TreeSize, leaves.Count)), head.At);
            (head.RootHash, head.Signature, head.Checkpoint) = (forged.RootHash, forged.Signature, forged.Checkpoint);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Set<TileRow>().Where(t => t.CountyId == county.Value).ExecuteDeleteAsync(cancellationToken);
    }
}

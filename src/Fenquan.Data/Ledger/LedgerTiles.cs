using System.Collections.Concurrent;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fenquan.Data.Ledger;

/// <summary>
/// The county's hash tiles (C2SP tlog-tiles, R44), derived from the ledger's leaf hashes and kept in
/// <c>ledger_tiles</c>: brought up to date on demand (only the entries since the last built size are
/// read), then every root and proof is computed from a few tiles instead of every leaf hash.
/// </summary>
public static class LedgerTiles
{
    // Leaf hashes read per transaction while catching up (a new folder of millions of entries is built in steps).
    private const int CatchUpChunk = 65_536;

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Locks = new();

    /// <summary>The tree of <paramref name="treeSize"/> leaves, read from tiles brought up to that size.</summary>
    public static async Task<TiledTree> TreeAsync(FenquanDbContext db, CountyId county, long treeSize, CancellationToken cancellationToken = default)
    {
        await CatchUpAsync(db, county, treeSize, cancellationToken).ConfigureAwait(false);
        return new TiledTree(treeSize, (level, index, width) => ReadTile(db, county, level, index, width));
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/>, or none when the tiles cannot be built that far (a broken ledger: verify reports it).</summary>
    public static IReadOnlyList<byte[]> InclusionProofOrEmpty(TiledTree tree, long index)
    {
        ArgumentNullException.ThrowIfNull(tree);
        try
        {
            return tree.InclusionProof(index);
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Tile (level, index) of width <paramref name="width"/> in the tree of <paramref name="treeSize"/>; null when the tree of that size does not hold it.</summary>
    public static async Task<byte[]?> TileAsync(FenquanDbContext db, CountyId county, long treeSize, int level, long index, int width, CancellationToken cancellationToken = default)
    {
        // Tiles are prefix-stable: any width up to what the tree of this size holds is served.
        if (width <= 0 || width > Tile.WidthIn(treeSize, level, index))
        {
            return null;
        }

        await CatchUpAsync(db, county, treeSize, cancellationToken).ConfigureAwait(false);
        return ReadTile(db, county, level, index, width);
    }

    /// <summary>Builds the tiles up to <paramref name="treeSize"/> leaves (no-op when they already cover it).</summary>
    public static async Task CatchUpAsync(FenquanDbContext db, CountyId county, long treeSize, CancellationToken cancellationToken = default)
    {
        if (await BuiltSizeAsync(db, county, cancellationToken).ConfigureAwait(false) >= treeSize)
        {
            return;
        }

        var gate = Locks.GetOrAdd(county.Value, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var writer = Sibling(db);
            while (true)
            {
                var last = await LastTilesAsync(writer, county, cancellationToken).ConfigureAwait(false);
                var builder = new TileBuilder(last.Select(r => new Tile(r.Level, r.Index, r.Hashes)).ToList());
                long start = builder.Size;
                if (start >= treeSize)
                {
                    return;
                }

                long end = Math.Min(treeSize, start + CatchUpChunk);
                var leaves = await writer.LedgerEntries.AsNoTracking()
                    .Where(e => e.CountyId == county.Value && e.Sequence >= start && e.Sequence < end)
                    .OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.LeafHash })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                var completed = new List<Tile>();
                foreach (var leaf in leaves)
                {
                    if (leaf.Sequence != builder.Size)
                    {
                        break; // a gap: the ledger is broken there (verify reports it); tiles stop before it
                    }

                    builder.Append(leaf.LeafHash, completed);
                }

                if (builder.Size == start)
                {
                    return; // nothing more can be built from the stored entries
                }

                await SaveAsync(writer, county, last, completed.Concat(builder.TakeChangedPartials()), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The number of leaves the stored tiles cover.</summary>
    public static async Task<long> BuiltSizeAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken = default)
    {
        var last = await db.Set<TileRow>().AsNoTracking().Where(t => t.CountyId == county.Value && t.Level == 0)
            .OrderByDescending(t => t.Index).Select(t => new { t.Index, t.Width }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? 0 : (last.Index * Tile.FullWidth) + last.Width;
    }

    // Tiles are written on a context of their own, so a caller's tracked rows are never saved or cleared here.
    private static FenquanDbContext Sibling(FenquanDbContext db)
    {
        var options = db.GetService<IDbContextOptions>();
        return db switch
        {
            SqliteFenquanDbContext => new SqliteFenquanDbContext((DbContextOptions<SqliteFenquanDbContext>)options),
            PostgresFenquanDbContext => new PostgresFenquanDbContext((DbContextOptions<PostgresFenquanDbContext>)options),
            _ => throw new InvalidOperationException($"Unknown context {db.GetType().Name}."),
        };
    }

    private static byte[] ReadTile(FenquanDbContext db, CountyId county, int level, long index, int width)
    {
        var hashes = db.Set<TileRow>().AsNoTracking().Where(t => t.CountyId == county.Value && t.Level == level && t.Index == index)
            .Select(t => t.Hashes).FirstOrDefault();
        if (hashes is null || hashes.Length < width * MerkleHash.Size)
        {
            throw new InvalidOperationException($"Tile {level}/{index} of county {county.Value} is missing or shorter than {width}.");
        }

        return hashes.Length == width * MerkleHash.Size ? hashes : hashes[..(width * MerkleHash.Size)];
    }

    private static async Task<List<TileRow>> LastTilesAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken)
    {
        var last = new List<TileRow>();
        for (int level = 0; level < 64; level++)
        {
            var row = await db.Set<TileRow>().AsNoTracking().Where(t => t.CountyId == county.Value && t.Level == level)
                .OrderByDescending(t => t.Index).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                break;
            }

            last.Add(row);
        }

        return last;
    }

    private static async Task SaveAsync(FenquanDbContext db, CountyId county, List<TileRow> last, IEnumerable<Tile> tiles, CancellationToken cancellationToken)
    {
        var set = db.Set<TileRow>();
        foreach (Tile tile in tiles)
        {
            // The builder only writes at or after each level's last stored tile, which may be a partial one growing.
            var existing = last.FirstOrDefault(r => r.Level == tile.Level && r.Index == tile.Index);
            if (existing is not null)
            {
                existing.Width = tile.Width;
                existing.Hashes = tile.Hashes;
                set.Update(existing);
            }
            else
            {
                set.Add(new TileRow { CountyId = county.Value, Level = tile.Level, Index = tile.Index, Width = tile.Width, Hashes = tile.Hashes });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another process built the same tiles (their content is fixed by the ledger): take theirs.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

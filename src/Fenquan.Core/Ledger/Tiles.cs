using System.Globalization;
using System.Numerics;
using System.Text;

namespace Fenquan.Core.Ledger;

/// <summary>
/// A hash tile (C2SP tlog-tiles): up to 256 consecutive Merkle tree hashes at height 8·level. Level 0
/// holds leaf hashes; each hash of level l+1 is the root of a full tile of level l. Tiles are
/// prefix-stable: a partial tile of width w is the first w hashes of the full tile it becomes.
/// </summary>
public sealed record Tile(int Level, long Index, byte[] Hashes)
{
    /// <summary>Hashes in a full tile.</summary>
    public const int FullWidth = 256;

    /// <summary>Tree levels a tile spans.</summary>
    public const int Height = 8;

    public int Width => Hashes.Length / MerkleHash.Size;

    public bool IsFull => Width == FullWidth;

    /// <summary>The width of tile (level, index) in a tree of <paramref name="treeSize"/> leaves: 0 when it does not exist yet.</summary>
    public static int WidthIn(long treeSize, int level, long index)
    {
        long hashesAtLevel = treeSize >> (Height * level);
        long width = hashesAtLevel - (index * FullWidth);
        return (int)Math.Clamp(width, 0, FullWidth);
    }

    /// <summary>The root of the subtree of height 8 whose leaves are a full tile's hashes.</summary>
    public static byte[] RootOf(ReadOnlySpan<byte> hashes) => SubtreeRoot(hashes, 0, hashes.Length / MerkleHash.Size);

    /// <summary>The root of <paramref name="count"/> (a power of two) hashes starting at <paramref name="offset"/>.</summary>
    internal static byte[] SubtreeRoot(ReadOnlySpan<byte> hashes, int offset, int count)
    {
        var accumulator = new MerkleAccumulator();
        for (int i = offset; i < offset + count; i++)
        {
            accumulator.Append(hashes.Slice(i * MerkleHash.Size, MerkleHash.Size));
        }

        return accumulator.Root();
    }
}

/// <summary>
/// The C2SP tlog-tiles path of a tile: <c>tile/L/N[.p/W]</c>, N in zero-padded 3-digit groups, all but
/// the last prefixed with <c>x</c> (1234067 → <c>x001/x234/067</c>).
/// </summary>
public static class TilePath
{
    public static string Of(int level, long index, int width)
    {
        var text = new StringBuilder("tile/").Append(level.ToString(CultureInfo.InvariantCulture)).Append('/').Append(EncodeIndex(index));
        if (width < Tile.FullWidth)
        {
            text.Append(".p/").Append(width.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static string EncodeIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var groups = new List<string>();
        do
        {
            groups.Add((index % 1000).ToString("000", CultureInfo.InvariantCulture));
            index /= 1000;
        }
        while (index > 0);

        groups.Reverse();
        return string.Join('/', groups.Select((g, i) => i < groups.Count - 1 ? "x" + g : g));
    }

    /// <summary>Parses the part after <c>tile/</c> (e.g. <c>0/x001/234.p/17</c>); null when it is not a valid hash-tile path.</summary>
    public static (int Level, long Index, int Width)? Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] parts = path.Split('/');
        if (parts.Length < 2 || !TryDecimal(parts[0], 63, out long level))
        {
            return null;
        }

        int width = Tile.FullWidth;
        int end = parts.Length;
        if (parts.Length >= 3 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryDecimal(parts[^1], Tile.FullWidth - 1, out long w) || w == 0)
            {
                return null;
            }

            width = (int)w;
            parts[^2] = parts[^2][..^2];
            end--;
        }

        long index = 0;
        for (int i = 1; i < end; i++)
        {
            string group = parts[i];
            bool last = i == end - 1;
            if (!last)
            {
                if (!group.StartsWith('x'))
                {
                    return null;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !group.All(char.IsAsciiDigit) || index > (long.MaxValue / 1000) - 1000)
            {
                return null;
            }

            index = (index * 1000) + int.Parse(group, CultureInfo.InvariantCulture);
        }

        return ((int)level, index, width);
    }

    private static bool TryDecimal(string text, long max, out long value)
    {
        value = 0;
        return text.Length > 0 && (text.Length == 1 || text[0] != '0') && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}

/// <summary>
/// Builds a county's tiles as leaf hashes are appended (R44): keeps the current partial tile of each
/// level, hands back each tile as it fills, and the partial ones on request. Restarted from the last
/// stored tile of each level.
/// </summary>
public sealed class TileBuilder
{
    private readonly List<Level> _levels = [];

    /// <param name="lastTiles">The last stored tile of each level, level 0 first (may be empty for a new log).</param>
    public TileBuilder(IReadOnlyList<Tile> lastTiles)
    {
        ArgumentNullException.ThrowIfNull(lastTiles);
        foreach (Tile tile in lastTiles.OrderBy(t => t.Level))
        {
            var level = new Level { Index = tile.IsFull ? tile.Index + 1 : tile.Index, Width = tile.IsFull ? 0 : tile.Width };
            tile.Hashes.AsSpan(0, level.Width * MerkleHash.Size).CopyTo(level.Hashes);
            _levels.Add(level);
        }

        Size = _levels.Count == 0 ? 0 : (_levels[0].Index * Tile.FullWidth) + _levels[0].Width;
    }

    /// <summary>The number of leaves the tiles cover.</summary>
    public long Size { get; private set; }

    /// <summary>Appends a leaf hash; tiles that became full are added to <paramref name="completed"/>.</summary>
    public void Append(ReadOnlySpan<byte> leafHash, List<Tile> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        Add(0, leafHash, completed);
        Size++;
    }

    /// <summary>The partial tiles changed since the last call (each level's current tile when not empty).</summary>
    public IReadOnlyList<Tile> TakeChangedPartials()
    {
        var partials = new List<Tile>();
        for (int l = 0; l < _levels.Count; l++)
        {
            Level level = _levels[l];
            if (level.Changed && level.Width > 0)
            {
                partials.Add(new Tile(l, level.Index, level.Hashes.AsSpan(0, level.Width * MerkleHash.Size).ToArray()));
            }

            level.Changed = false;
        }

        return partials;
    }

    private void Add(int l, ReadOnlySpan<byte> hash, List<Tile> completed)
    {
        if (l == _levels.Count)
        {
            _levels.Add(new Level());
        }

        Level level = _levels[l];
        hash.CopyTo(level.Hashes.AsSpan(level.Width * MerkleHash.Size));
        level.Width++;
        level.Changed = true;
        if (level.Width == Tile.FullWidth)
        {
            var full = new Tile(l, level.Index, (byte[])level.Hashes.Clone());
            completed.Add(full);
            level.Index++;
            level.Width = 0;
            level.Changed = false;
            Add(l + 1, Tile.RootOf(full.Hashes), completed);
        }
    }

    private sealed class Level
    {
        public long Index { get; set; }

        public int Width { get; set; }

        public bool Changed { get; set; }

        public byte[] Hashes { get; } = new byte[Tile.FullWidth * MerkleHash.Size];
    }
}

/// <summary>
/// Reads tree hashes from tiles (R44): any node is computed from at most 128 hashes of one tile, so a
/// root, an inclusion proof or a consistency proof of a tree of n leaves costs O(log n) tile reads
/// (a few per 8 levels), however large the ledger.
/// </summary>
public sealed class TiledTree
{
    private readonly Func<int, long, int, byte[]> _readTile;
    private readonly Dictionary<(int Level, long Index), byte[]> _read = [];

    /// <param name="treeSize">The size of the tree the tiles are read for.</param>
    /// <param name="readTile">Returns tile (level, index) with at least the given width (its hashes, 32 bytes each).</param>
    public TiledTree(long treeSize, Func<int, long, int, byte[]> readTile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        Size = treeSize;
        _readTile = readTile;
    }

    public long Size { get; }

    /// <summary>Tiles read so far (for tests: the cost of a proof).</summary>
    public int TilesRead => _read.Count;

    /// <summary>The root of the whole tree.</summary>
    public byte[] Root() => Size == 0 ? MerkleHash.EmptyRoot : RangeHash(0, Size);

    /// <summary>PATH(index, D[0:Size]) from tiles.</summary>
    public IReadOnlyList<byte[]> InclusionProof(long index)
    {
        if (index < 0 || index >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be inside the tree.");
        }

        return MerkleProofs.InclusionProof(RangeHash, index, Size);
    }

    /// <summary>PROOF(size1, D[0:Size]) from tiles.</summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long size1)
    {
        if (size1 < 0 || size1 > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, "size1 must be between 0 and the tree size.");
        }

        return MerkleProofs.ConsistencyProof(RangeHash, size1, Size);
    }

    /// <summary>MTH(D[start:start+n]) for the ranges RFC 9162's proofs use (start aligned to the largest power of two in n).</summary>
    public byte[] RangeHash(long start, long n)
    {
        if (BitOperations.IsPow2((ulong)n) && start % n == 0)
        {
            int height = BitOperations.Log2((ulong)n);
            return Node(height, start >> height);
        }

        long k = 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
        return MerkleHash.Node(RangeHash(start, k), RangeHash(start + k, n - k));
    }

    /// <summary>The node of the given height and index (a perfect subtree), from one tile.</summary>
    private byte[] Node(int height, long index)
    {
        int level = height / Tile.Height;
        int within = height % Tile.Height;
        long first = index << within;           // index of its first hash at the tile's level
        long tileIndex = first / Tile.FullWidth;
        int offset = (int)(first % Tile.FullWidth);
        int count = 1 << within;
        byte[] hashes = TileHashes(level, tileIndex, offset + count);
        return count == 1 ? hashes.AsSpan(offset * MerkleHash.Size, MerkleHash.Size).ToArray() : Tile.SubtreeRoot(hashes, offset, count);
    }

    private byte[] TileHashes(int level, long index, int width)
    {
        if (!_read.TryGetValue((level, index), out byte[]? hashes) || hashes.Length < width * MerkleHash.Size)
        {
            int available = Tile.WidthIn(Size, level, index);
            if (available < width)
            {
                throw new InvalidOperationException($"Tile {level}/{index} has {available} hashes in a tree of {Size}; {width} are needed.");
            }

            hashes = _readTile(level, index, available);
            if (hashes.Length < width * MerkleHash.Size)
            {
                throw new InvalidOperationException($"Tile {level}/{index} is shorter than the tree of {Size} needs.");
            }

            _read[(level, index)] = hashes;
        }

        return hashes;
    }
}

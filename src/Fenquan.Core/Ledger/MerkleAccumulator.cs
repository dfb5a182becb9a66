namespace Fenquan.Core.Ledger;

/// <summary>
/// A compact-range Merkle accumulator (R44): keeps one hash per set bit of the tree size, the roots
/// of the perfect subtrees that make up the tree, so appending is amortised O(1) and the root of the
/// current tree is O(log n), with O(log n) memory whatever the size. The writer uses it to compute
/// the root after each batch; the verifier to recompute roots while streaming the entries.
/// </summary>
public sealed class MerkleAccumulator
{
    // A tree of size n has at most 64 perfect subtrees (one per bit of n).
    private const int MaxLevels = 64;

    // Subtree roots, largest (oldest) first, 32 bytes each, stored flat to avoid per-node arrays.
    private readonly byte[] _stack;
    private int _count;

    public MerkleAccumulator()
    {
        _stack = new byte[MaxLevels * MerkleHash.Size];
    }

    private MerkleAccumulator(MerkleAccumulator other)
    {
        _stack = (byte[])other._stack.Clone();
        _count = other._count;
        Size = other.Size;
    }

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Appends one leaf hash (32 bytes, as made by <see cref="MerkleHash.Leaf(ReadOnlySpan{byte})"/>).</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A leaf hash is 32 bytes.", nameof(leafHash));
        }

        // The new leaf goes on top; then, for every trailing 1 bit of the old size, the top two
        // subtrees have equal size and merge into one.
        leafHash.CopyTo(Slot(_count));
        _count++;
        for (long n = Size; (n & 1) == 1; n >>= 1)
        {
            Span<byte> left = Slot(_count - 2);
            MerkleHash.Node(left, Slot(_count - 1), left);
            _count--;
        }

        Size++;
    }

    /// <summary>The root of the tree of the leaves appended so far (the empty root when none).</summary>
    public byte[] Root()
    {
        var root = new byte[MerkleHash.Size];
        Root(root);
        return root;
    }

    /// <summary>Writes the current root into <paramref name="destination"/> (32 bytes) without allocating.</summary>
    public void Root(Span<byte> destination)
    {
        if (_count == 0)
        {
            MerkleHash.EmptyRootSpan.CopyTo(destination);
            return;
        }

        // Fold right to left: the smallest subtree is the right child of the next larger one.
        Slot(_count - 1).CopyTo(destination);
        for (int i = _count - 2; i >= 0; i--)
        {
            MerkleHash.Node(Slot(i), destination[..MerkleHash.Size], destination);
        }
    }

    /// <summary>Whether the current root equals <paramref name="root"/>.</summary>
    public bool RootEquals(ReadOnlySpan<byte> root)
    {
        Span<byte> current = stackalloc byte[MerkleHash.Size];
        Root(current);
        return current.SequenceEqual(root);
    }

    /// <summary>An independent copy, e.g. to try a batch before committing to it.</summary>
    public MerkleAccumulator Clone() => new(this);

    private Span<byte> Slot(int index) => _stack.AsSpan(index * MerkleHash.Size, MerkleHash.Size);
}

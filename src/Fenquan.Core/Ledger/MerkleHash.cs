using System.Security.Cryptography;

namespace Fenquan.Core.Ledger;

/// <summary>
/// RFC 6962 / RFC 9162 §2.1.1 Merkle tree hashing with SHA-256 (R44): a leaf is
/// SHA-256(0x00 ‖ entry), an interior node SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256("").
/// The domain-separation prefixes stop a leaf from being passed off as a node (second-preimage attack).
/// </summary>
public static class MerkleHash
{
    /// <summary>Length in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    // Entries shorter than this are prefixed in a reused buffer; larger ones are hashed in two updates.
    private const int BufferSize = 4096;

    private static readonly byte[] Empty = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree, SHA-256 of the empty string (a fresh copy).</summary>
    public static byte[] EmptyRoot => (byte[])Empty.Clone();

    /// <summary>The root of the empty tree without copying.</summary>
    public static ReadOnlySpan<byte> EmptyRootSpan => Empty;

    /// <summary>The leaf hash of an entry: SHA-256(0x00 ‖ entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        Leaf(entry, hash);
        return hash;
    }

    /// <summary>Writes SHA-256(0x00 ‖ entry) into <paramref name="destination"/> (32 bytes) without allocating.</summary>
    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        CheckDestination(destination);
        Hasher hasher = Hasher.ForThisThread;
        byte[] buffer = hasher.Buffer;
        if (entry.Length < buffer.Length)
        {
            // One contiguous update is cheaper than two for OpenSSL.
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer.AsSpan(1));
            hasher.Sha.AppendData(buffer, 0, entry.Length + 1);
        }
        else
        {
            hasher.Sha.AppendData([LeafPrefix]);
            hasher.Sha.AppendData(entry);
        }

        hasher.Sha.GetHashAndReset(destination);
    }

    /// <summary>The interior node hash: SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>
    /// Writes SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/> without allocating.
    /// The destination may overlap either input.
    /// </summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckDestination(destination);
        Hasher hasher = Hasher.ForThisThread;
        byte[] buffer = hasher.Buffer;
        int length = 1 + left.Length + right.Length;
        if (length <= buffer.Length)
        {
            buffer[0] = NodePrefix;
            left.CopyTo(buffer.AsSpan(1));
            right.CopyTo(buffer.AsSpan(1 + left.Length));
            hasher.Sha.AppendData(buffer, 0, length);
        }
        else
        {
            // Children are always 32-byte hashes inside the tree; anything else is hashed as given.
            hasher.Sha.AppendData([NodePrefix]);
            hasher.Sha.AppendData(left);
            hasher.Sha.AppendData(right);
        }

        hasher.Sha.GetHashAndReset(destination);
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }
    }

    /// <summary>
    /// A SHA-256 context and scratch buffer reused per thread: a one-shot SHA256.HashData sets up and
    /// tears down an OpenSSL context on every call, which costs more than hashing a 250-byte entry.
    /// Reuse keeps verification near the raw hashing speed (benchmarks in LedgerBenchmarks). Nothing
    /// here calls out while the context is in use, so a thread never re-enters it.
    /// </summary>
    private sealed class Hasher
    {
        [ThreadStatic]
        private static Hasher? s_current;

        private Hasher()
        {
        }

        public static Hasher ForThisThread => s_current ??= new Hasher();

        public IncrementalHash Sha { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Buffer { get; } = new byte[BufferSize];
    }
}

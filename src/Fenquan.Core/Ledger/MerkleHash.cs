using System.Buffers;
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

    // Entries up to this size are prefixed on the stack; larger ones borrow a pooled buffer.
    private const int StackLimit = 1024;

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
        int length = entry.Length + 1;
        if (length <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[length];
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer, destination);
            return;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            rented[0] = LeafPrefix;
            entry.CopyTo(rented.AsSpan(1));
            SHA256.HashData(rented.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
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
        Span<byte> buffer = stackalloc byte[1 + Size + Size];
        int length = 1 + left.Length + right.Length;
        if (length > buffer.Length)
        {
            // Children are always 32-byte hashes inside the tree; anything else is hashed as given.
            byte[] large = new byte[length];
            large[0] = NodePrefix;
            left.CopyTo(large.AsSpan(1));
            right.CopyTo(large.AsSpan(1 + left.Length));
            SHA256.HashData(large, destination);
            return;
        }

        buffer = buffer[..length];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + left.Length)..]);
        SHA256.HashData(buffer, destination);
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }
    }
}

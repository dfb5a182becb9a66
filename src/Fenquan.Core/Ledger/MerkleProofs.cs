using System.Globalization;
using System.Numerics;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ledger;

/// <summary>
/// RFC 9162 §2.1 Merkle tree roots, inclusion proofs (§2.1.3) and consistency proofs (§2.1.4) over a
/// list of leaf hashes, and their verification (R44: anyone can check that an entry is in the log and
/// that a later tree extends an earlier one without rewriting it). Verification fails closed: a wrong
/// size, index, hash length or proof length is a refusal with its reason, never an exception.
/// </summary>
public static class MerkleProofs
{
    private const string Rule = "R44";

    /// <summary>MTH(D[0:size]): the root of the first <paramref name="size"/> leaves.</summary>
    public static byte[] RootOf(IReadOnlyList<byte[]> leaves, long size)
    {
        CheckRange(leaves, size);
        var accumulator = new MerkleAccumulator();
        for (int i = 0; i < size; i++)
        {
            accumulator.Append(leaves[i]);
        }

        return accumulator.Root();
    }

    /// <summary>PATH(index, D[0:size]): the audit path proving leaf <paramref name="index"/> is in the tree of that size.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leaves, long index, long size)
    {
        CheckRange(leaves, size);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be inside the tree.");
        }

        return InclusionProof((start, n) => Mth(leaves, start, n), index, size);
    }

    /// <summary>PATH(index, D[0:size]) with MTH(D[start:start+n]) given by <paramref name="rangeHash"/> (e.g. read from tiles).</summary>
    internal static IReadOnlyList<byte[]> InclusionProof(Func<long, long, byte[]> rangeHash, long index, long size)
    {
        var proof = new List<byte[]>();
        Path(rangeHash, index, 0, size, proof);
        return proof;
    }

    /// <summary>
    /// PROOF(size1, D[0:size2]): the consistency proof that the tree of <paramref name="size1"/> leaves is a
    /// prefix of the tree of <paramref name="size2"/> leaves. Empty when size1 is 0 or equals size2.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, long size1, long size2)
    {
        CheckRange(leaves, size2);
        if (size1 < 0 || size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, "size1 must be between 0 and size2.");
        }

        return ConsistencyProof((start, n) => Mth(leaves, start, n), size1, size2);
    }

    /// <summary>PROOF(size1, D[0:size2]) with MTH(D[start:start+n]) given by <paramref name="rangeHash"/> (e.g. read from tiles).</summary>
    internal static IReadOnlyList<byte[]> ConsistencyProof(Func<long, long, byte[]> rangeHash, long size1, long size2)
    {
        var proof = new List<byte[]>();
        if (size1 > 0 && size1 < size2)
        {
            SubProof(rangeHash, size1, 0, size2, true, proof);
        }

        return proof;
    }

    /// <summary>Whether <paramref name="proof"/> proves <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root) =>
        CheckInclusion(index, size, leafHash, proof, root).IsOk;

    /// <inheritdoc cref="VerifyInclusion(long, long, ReadOnlySpan{byte}, IReadOnlyList{byte[]}, ReadOnlySpan{byte})"/>
    public static bool VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root) =>
        CheckInclusion(index, size, leafHash, proof, root).IsOk;

    /// <summary>Inclusion verification with the reason for a refusal.</summary>
    public static Outcome CheckInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || size < 0)
        {
            return Refusal.Because(Rule, "NegativeIndex", "A negative index or tree size is never valid.");
        }

        return CheckInclusion((ulong)index, (ulong)size, leafHash, proof, root);
    }

    /// <summary>Inclusion verification (RFC 9162 §2.1.3.2) with the reason for a refusal.</summary>
    public static Outcome CheckInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return Refusal.Because(Rule, "LeafOutsideTree", "The leaf index is not inside the tree.");
        }

        if (leafHash.Length != MerkleHash.Size || root.Length != MerkleHash.Size)
        {
            return Refusal.Because(Rule, "LeafOrRootSize", "The leaf hash and the root must be 32 bytes each.");
        }

        // The path length is fixed by (index, size): the levels below the split where the index's path
        // leaves the right edge, plus the levels above it where the node is a right child.
        int expected = InclusionProofLength(index, size);
        if (proof.Count != expected)
        {
            return Refusal.Because(Rule, "InclusionProofLength", "The proof has {count} hashes; a tree of this size needs {expected}.",
                ("count", proof.Count.ToString(CultureInfo.InvariantCulture)), ("expected", expected.ToString(CultureInfo.InvariantCulture)));
        }

        if (!AllHashes(proof))
        {
            return Refusal.Because(Rule, "ProofHashSize", "Every proof hash must be 32 bytes.");
        }

        ulong fn = index;
        ulong sn = size - 1;
        Span<byte> r = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (byte[] p in proof)
        {
            if (sn == 0)
            {
                return Refusal.Because(Rule, "ProofTooLong", "The proof is longer than the path to the root.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return Refusal.Because(Rule, "ProofTooShort", "The proof is shorter than the path to the root.");
        }

        return r.SequenceEqual(root) ? Outcome.Ok : Refusal.Because(Rule, "RootMismatch", "The recomputed root does not match.");
    }

    /// <summary>Whether <paramref name="proof"/> proves the tree (size1, root1) is a prefix of the tree (size2, root2).</summary>
    public static bool VerifyConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof) =>
        CheckConsistency(size1, size2, root1, root2, proof).IsOk;

    /// <inheritdoc cref="VerifyConsistency(long, long, ReadOnlySpan{byte}, ReadOnlySpan{byte}, IReadOnlyList{byte[]})"/>
    public static bool VerifyConsistency(ulong size1, ulong size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof) =>
        CheckConsistency(size1, size2, root1, root2, proof).IsOk;

    /// <summary>Consistency verification with the reason for a refusal.</summary>
    public static Outcome CheckConsistency(long size1, long size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        if (size1 < 0 || size2 < 0)
        {
            return Refusal.Because(Rule, "NegativeSize", "A negative tree size is never valid.");
        }

        return CheckConsistency((ulong)size1, (ulong)size2, root1, root2, proof);
    }

    /// <summary>Consistency verification (RFC 9162 §2.1.4.2) with the reason for a refusal.</summary>
    public static Outcome CheckConsistency(ulong size1, ulong size2, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 == 0)
        {
            // RFC 9162 defines proofs only for 0 < size1: every tree extends the empty one, so a
            // "proof" from it proves nothing and is refused rather than trusted.
            return Refusal.Because(Rule, "FromEmptyTree", "A consistency proof from the empty tree proves nothing.");
        }

        if (size1 > size2)
        {
            return Refusal.Because(Rule, "FirstTreeLarger", "The first tree is larger than the second.");
        }

        if (size1 == size2)
        {
            if (proof.Count != 0)
            {
                return Refusal.Because(Rule, "EqualSizesProofNotEmpty", "Trees of equal size need an empty proof.");
            }

            return root1.SequenceEqual(root2) ? Outcome.Ok : Refusal.Because(Rule, "EqualSizesRootsDiffer", "Trees of equal size have different roots.");
        }

        if (root1.Length != MerkleHash.Size || root2.Length != MerkleHash.Size)
        {
            return Refusal.Because(Rule, "RootSize", "Both roots must be 32 bytes.");
        }

        int expected = ConsistencyProofLength(size1, size2);
        if (proof.Count != expected)
        {
            return Refusal.Because(Rule, "ConsistencyProofLength", "The proof has {count} hashes; these sizes need {expected}.",
                ("count", proof.Count.ToString(CultureInfo.InvariantCulture)), ("expected", expected.ToString(CultureInfo.InvariantCulture)));
        }

        if (!AllHashes(proof))
        {
            return Refusal.Because(Rule, "ProofHashSize", "Every proof hash must be 32 bytes.");
        }

        // When size1 is a power of two its root is a node of the second tree and is left out of the
        // proof: start from root1 itself.
        bool powerOfTwo = BitOperations.IsPow2(size1);
        int start = powerOfTwo ? 0 : 1;
        ulong fn = size1 - 1;
        ulong sn = size2 - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        ReadOnlySpan<byte> seed = powerOfTwo ? root1 : proof[0];
        seed.CopyTo(fr);
        seed.CopyTo(sr);
        for (int i = start; i < proof.Count; i++)
        {
            byte[] c = proof[i];
            if (sn == 0)
            {
                return Refusal.Because(Rule, "ProofTooLong", "The proof is longer than the path to the root.");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return Refusal.Because(Rule, "ProofTooShort", "The proof is shorter than the path to the root.");
        }

        if (!fr.SequenceEqual(root1))
        {
            return Refusal.Because(Rule, "FirstRootMismatch", "The proof does not lead to the first root.");
        }

        return sr.SequenceEqual(root2) ? Outcome.Ok : Refusal.Because(Rule, "SecondRootMismatch", "The proof does not lead to the second root.");
    }

    /// <summary>The number of hashes in an inclusion proof for (index, size), index &lt; size.</summary>
    public static int InclusionProofLength(ulong index, ulong size)
    {
        // Levels where the path to the root has a sibling: below the highest bit where index and
        // size-1 differ every level has one; above it, one for each set bit of index's remaining part.
        ulong last = size - 1;
        int inner = 64 - BitOperations.LeadingZeroCount(index ^ last);
        int border = BitOperations.PopCount(index >> inner);
        return inner + border;
    }

    /// <summary>The number of hashes in a consistency proof for 0 &lt; size1 &lt; size2.</summary>
    public static int ConsistencyProofLength(ulong size1, ulong size2)
    {
        int inner = 64 - BitOperations.LeadingZeroCount((size1 - 1) ^ (size2 - 1));
        int shift = BitOperations.TrailingZeroCount(size1);
        int border = BitOperations.PopCount((size1 - 1) >> inner);
        // The proof leaves out the subtree that is the whole first tree's right edge when it is a
        // complete node of the second tree.
        return inner - shift + (BitOperations.IsPow2(size1) ? 0 : 1) + border;
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof)
    {
        foreach (byte[] p in proof)
        {
            if (p is null || p.Length != MerkleHash.Size)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckRange(IReadOnlyList<byte[]> leaves, long size)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (size < 0 || size > leaves.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The size must be between 0 and the number of leaves.");
        }
    }

    // MTH(D[start:start+n]).
    private static byte[] Mth(IReadOnlyList<byte[]> leaves, long start, long n)
    {
        if (n == 0)
        {
            return MerkleHash.EmptyRoot;
        }

        var accumulator = new MerkleAccumulator();
        for (long i = start; i < start + n; i++)
        {
            accumulator.Append(leaves[(int)i]);
        }

        return accumulator.Root();
    }

    // The largest power of two smaller than n (n > 1).
    private static long Split(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    // RFC 9162 §2.1.3.1, PATH(m, D[start:start+n]), hashes appended leaf-to-root.
    private static void Path(Func<long, long, byte[]> mth, long m, long start, long n, List<byte[]> proof)
    {
        if (n <= 1)
        {
            return;
        }

        long k = Split(n);
        if (m < k)
        {
            Path(mth, m, start, k, proof);
            proof.Add(mth(start + k, n - k));
        }
        else
        {
            Path(mth, m - k, start + k, n - k, proof);
            proof.Add(mth(start, k));
        }
    }

    // RFC 9162 §2.1.4.1, SUBPROOF(m, D[start:start+n], b).
    private static void SubProof(Func<long, long, byte[]> mth, long m, long start, long n, bool completeSubtree, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!completeSubtree)
            {
                proof.Add(mth(start, n));
            }

            return;
        }

        long k = Split(n);
        if (m <= k)
        {
            SubProof(mth, m, start, k, completeSubtree, proof);
            proof.Add(mth(start + k, n - k));
        }
        else
        {
            SubProof(mth, m - k, start + k, n - k, false, proof);
            proof.Add(mth(start, k));
        }
    }
}

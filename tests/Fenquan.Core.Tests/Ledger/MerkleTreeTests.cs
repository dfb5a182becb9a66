using System.Text;
using Fenquan.Core.Ledger;
using FsCheck;
using FsCheck.Xunit;

namespace Fenquan.Core.Tests.Ledger;

// R44: the ledger is an RFC 6962 / RFC 9162 Merkle tree; roots, accumulator and proofs must agree
// with the RFC and with each other for every size, and any change to a proof must be caught.
[Trait("Rule", "R44")]
public class MerkleTreeTests
{
    // The RFC 6962 reference test tree (also in transparency-dev/merkle testonly/constants.go).
    private static readonly string[] ReferenceLeaves =
    [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ];

    private static readonly string[] ReferenceRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static IReadOnlyList<byte[]> ReferenceLeafHashes { get; } = [.. ReferenceLeaves.Select(h => MerkleHash.Leaf(Convert.FromHexString(h)))];

    // 64 distinct leaves for the exhaustive checks.
    private static readonly byte[][] Leaves64 = [.. Enumerable.Range(0, 64).Select(i => MerkleHash.Leaf(Encoding.UTF8.GetBytes($"entry {i}")))];

    [Fact]
    public void EmptyTree_HasTheSha256OfTheEmptyString()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.EmptyRoot));
        Assert.Equal(MerkleHash.EmptyRoot, new MerkleAccumulator().Root());
        Assert.Equal(MerkleHash.EmptyRoot, MerkleProofs.RootOf([], 0));
    }

    [Fact]
    public void LeafAndNode_UseTheRfc6962DomainPrefixes()
    {
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0x00, 0xAB])),
            Convert.ToHexStringLower(MerkleHash.Leaf([0xAB])));
        byte[] left = MerkleHash.Leaf([1]);
        byte[] right = MerkleHash.Leaf([2]);
        Assert.Equal(
            System.Security.Cryptography.SHA256.HashData([0x01, .. left, .. right]),
            MerkleHash.Node(left, right));
    }

    [Fact]
    public void LeafOfALargeEntry_MatchesTheAllocatingForm()
    {
        byte[] big = [.. Enumerable.Range(0, 5000).Select(i => unchecked((byte)i))];
        Span<byte> hash = stackalloc byte[32];
        MerkleHash.Leaf(big, hash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x00, .. big]), hash.ToArray());
    }

    [Fact]
    public void ReferenceTree_HasTheRfc6962RootsForEverySize()
    {
        for (int size = 1; size <= 8; size++)
        {
            Assert.Equal(ReferenceRoots[size - 1], Convert.ToHexStringLower(MerkleProofs.RootOf(ReferenceLeafHashes, size)));
        }
    }

    [Fact]
    public void Accumulator_RootEqualsRootOf_ForEverySizeUpTo64()
    {
        var accumulator = new MerkleAccumulator();
        Assert.Equal(MerkleProofs.RootOf(Leaves64, 0), accumulator.Root());
        for (int size = 1; size <= 64; size++)
        {
            accumulator.Append(Leaves64[size - 1]);
            Assert.Equal(size, accumulator.Size);
            Assert.Equal(RecursiveRoot(Leaves64, 0, size), accumulator.Root());
            Assert.Equal(MerkleProofs.RootOf(Leaves64, size), accumulator.Root());
            Assert.True(accumulator.RootEquals(MerkleProofs.RootOf(Leaves64, size)));
        }
    }

    [Fact]
    public void AccumulatorClone_GoesOnIndependently()
    {
        var accumulator = new MerkleAccumulator();
        for (int i = 0; i < 5; i++)
        {
            accumulator.Append(Leaves64[i]);
        }

        MerkleAccumulator clone = accumulator.Clone();
        clone.Append(Leaves64[5]);

        Assert.Equal(5, accumulator.Size);
        Assert.Equal(MerkleProofs.RootOf(Leaves64, 5), accumulator.Root());
        Assert.Equal(MerkleProofs.RootOf(Leaves64, 6), clone.Root());
    }

    [Fact]
    public void Accumulator_RefusesALeafHashThatIsNot32Bytes()
    {
        Assert.Throws<ArgumentException>(() => new MerkleAccumulator().Append(new byte[31]));
    }

    [Fact]
    public void InclusionProofs_VerifyForEveryIndexAndSizeUpTo32()
    {
        for (int size = 1; size <= 32; size++)
        {
            byte[] root = MerkleProofs.RootOf(Leaves64, size);
            for (int index = 0; index < size; index++)
            {
                IReadOnlyList<byte[]> proof = MerkleProofs.InclusionProof(Leaves64, index, size);
                Assert.Equal(MerkleProofs.InclusionProofLength((ulong)index, (ulong)size), proof.Count);
                Assert.True(MerkleProofs.VerifyInclusion(index, size, Leaves64[index], proof, root), $"index {index}, size {size}");
                // The same proof does not prove another leaf at that index, nor the leaf at another index.
                Assert.False(MerkleProofs.VerifyInclusion(index, size, Leaves64[size], proof, root));
                if (size > 1)
                {
                    Assert.False(MerkleProofs.VerifyInclusion((index + 1) % size, size, Leaves64[index], proof, root));
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProofs_VerifyForEveryPairOfSizesUpTo32()
    {
        for (int size2 = 1; size2 <= 32; size2++)
        {
            byte[] root2 = MerkleProofs.RootOf(Leaves64, size2);
            for (int size1 = 1; size1 <= size2; size1++)
            {
                byte[] root1 = MerkleProofs.RootOf(Leaves64, size1);
                IReadOnlyList<byte[]> proof = MerkleProofs.ConsistencyProof(Leaves64, size1, size2);
                if (size1 < size2)
                {
                    Assert.Equal(MerkleProofs.ConsistencyProofLength((ulong)size1, (ulong)size2), proof.Count);
                }

                Assert.True(MerkleProofs.VerifyConsistency(size1, size2, root1, root2, proof), $"{size1} -> {size2}");
                if (size1 < size2)
                {
                    // A rewritten history (another first root) is not consistent.
                    Assert.False(MerkleProofs.VerifyConsistency(size1, size2, MerkleProofs.RootOf(Leaves64[1..], size1), root2, proof));
                    Assert.False(MerkleProofs.VerifyConsistency(size1, size2, root2, root1, proof));
                }
            }
        }
    }

    [Fact]
    public void MalformedProofs_AreRefusedWithAReason()
    {
        byte[] root = MerkleProofs.RootOf(Leaves64, 7);
        var proof = MerkleProofs.InclusionProof(Leaves64, 3, 7).ToList();

        Assert.False(MerkleProofs.CheckInclusion(-1, 7, Leaves64[3], proof, root).IsOk);
        Assert.False(MerkleProofs.CheckInclusion(7, 7, Leaves64[3], proof, root).IsOk);
        Assert.False(MerkleProofs.CheckInclusion(3, 7, Leaves64[3], [.. proof, proof[0]], root).IsOk);
        Assert.False(MerkleProofs.CheckInclusion(3, 7, Leaves64[3], proof.Skip(1).ToList(), root).IsOk);
        Assert.False(MerkleProofs.CheckInclusion(3, 7, Leaves64[3], [proof[0][..31], .. proof.Skip(1)], root).IsOk);
        Assert.False(MerkleProofs.CheckInclusion(3, 7, Leaves64[3], proof, root[..31]).IsOk);
        Assert.Equal("R44", MerkleProofs.CheckInclusion(3, 7, Leaves64[4], proof, root).Refusal!.RuleId);

        Assert.False(MerkleProofs.CheckConsistency(-1, 7, root, root, []).IsOk);
        Assert.False(MerkleProofs.CheckConsistency(0, 7, MerkleHash.EmptyRoot, root, []).IsOk);
        Assert.False(MerkleProofs.CheckConsistency(8, 7, root, root, []).IsOk);
    }

    [Property(MaxTest = 300)]
    public bool FlippingAnyBitOfAnInclusionProof_MakesItFail(byte sizeSeed, byte indexSeed, int elementSeed, byte bitSeed)
    {
        int size = 2 + (sizeSeed % 63);
        int index = indexSeed % size;
        byte[] root = MerkleProofs.RootOf(Leaves64, size);
        var proof = MerkleProofs.InclusionProof(Leaves64, index, size).Select(p => (byte[])p.Clone()).ToList();

        byte[] element = proof[unchecked((int)((uint)elementSeed % (uint)proof.Count))];
        element[bitSeed % 32] ^= (byte)(1 << (bitSeed % 8));

        return !MerkleProofs.VerifyInclusion(index, size, Leaves64[index], proof, root);
    }

    [Property(MaxTest = 300)]
    public bool FlippingAnyBitOfAConsistencyProof_MakesItFail(byte size1Seed, byte size2Seed, int elementSeed, byte bitSeed)
    {
        int size2 = 2 + (size2Seed % 63);
        int size1 = 1 + (size1Seed % (size2 - 1));
        byte[] root1 = MerkleProofs.RootOf(Leaves64, size1);
        byte[] root2 = MerkleProofs.RootOf(Leaves64, size2);
        var proof = MerkleProofs.ConsistencyProof(Leaves64, size1, size2).Select(p => (byte[])p.Clone()).ToList();

        byte[] element = proof[unchecked((int)((uint)elementSeed % (uint)proof.Count))];
        element[bitSeed % 32] ^= (byte)(1 << (bitSeed % 8));

        return !MerkleProofs.VerifyConsistency(size1, size2, root1, root2, proof);
    }

    [Property(MaxTest = 100)]
    public bool AccumulatorRoot_EqualsTheRecursiveDefinition(PositiveInt count)
    {
        int n = 1 + (count.Get % 200);
        var leaves = Enumerable.Range(0, n).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i * 7919))).ToList();
        var accumulator = new MerkleAccumulator();
        leaves.ForEach(l => accumulator.Append(l));
        return accumulator.Root().AsSpan().SequenceEqual(RecursiveRoot(leaves, 0, n));
    }

    // MTH straight from RFC 9162 §2.1.1, independent of the accumulator.
    private static byte[] RecursiveRoot(IReadOnlyList<byte[]> leaves, int start, int n)
    {
        if (n == 0)
        {
            return MerkleHash.EmptyRoot;
        }

        if (n == 1)
        {
            return leaves[start];
        }

        int k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return MerkleHash.Node(RecursiveRoot(leaves, start, k), RecursiveRoot(leaves, start + k, n - k));
    }
}

using Fenquan.Core.Ledger;

namespace Fenquan.Core.Tests.Ledger;

// R44: proofs must check out exactly as the public transparency-dev/merkle vectors say: every happy
// path verifies and every malformed variant (wrong sizes, indices, roots, garbage, truncation, flipped
// bits) is rejected.
[Trait("Rule", "R44")]
public class TransparencyDevVectorTests
{
    public static TheoryData<string> InclusionCases => new(TransparencyDevVectors.Inclusion.Select(v => v.Name));

    public static TheoryData<string> ConsistencyCases => new(TransparencyDevVectors.Consistency.Select(v => v.Name));

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void InclusionVector_IsAcceptedExactlyWhenTheVectorSaysSo(string name)
    {
        InclusionVector v = TransparencyDevVectors.Inclusion.Single(x => x.Name == name);

        bool verified = MerkleProofs.VerifyInclusion(v.LeafIndex, v.TreeSize, Convert.FromHexString(v.LeafHash), Proof(v.Proof), Convert.FromHexString(v.Root));

        Assert.Equal(!v.WantErr, verified);
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void ConsistencyVector_IsAcceptedExactlyWhenTheVectorSaysSo(string name)
    {
        ConsistencyVector v = TransparencyDevVectors.Consistency.Single(x => x.Name == name);

        bool verified = MerkleProofs.VerifyConsistency(v.Size1, v.Size2, Convert.FromHexString(v.Root1), Convert.FromHexString(v.Root2), Proof(v.Proof));

        Assert.Equal(!v.WantErr, verified);
    }

    [Fact]
    public void Vectors_CoverEveryPublishedCase()
    {
        // 98 inclusion and 98 consistency files in transparency-dev/merkle testdata at 417fb0c.
        Assert.Equal(98, TransparencyDevVectors.Inclusion.Count);
        Assert.Equal(98, TransparencyDevVectors.Consistency.Count);
        Assert.Equal(6, TransparencyDevVectors.Inclusion.Count(v => !v.WantErr));
        Assert.Equal(6, TransparencyDevVectors.Consistency.Count(v => !v.WantErr));
    }

    [Fact]
    public void HappyPathProofs_AreTheOnesThisLibraryGenerates()
    {
        // The vectors' trees are the RFC 6962 reference tree; their happy-path proofs must be exactly
        // what MerkleProofs produces for it, not merely accepted.
        IReadOnlyList<byte[]> leaves = MerkleTreeTests.ReferenceLeafHashes;
        foreach (InclusionVector v in TransparencyDevVectors.Inclusion.Where(v => !v.WantErr && v.Name.StartsWith("inclusion/", StringComparison.Ordinal) && !v.Name.Contains("single-entry")))
        {
            IReadOnlyList<byte[]> proof = MerkleProofs.InclusionProof(leaves, (long)v.LeafIndex, (long)v.TreeSize);
            Assert.Equal(v.Proof, proof.Select(Convert.ToHexStringLower));
            Assert.Equal(v.Root, Convert.ToHexStringLower(MerkleProofs.RootOf(leaves, (long)v.TreeSize)));
        }

        foreach (ConsistencyVector v in TransparencyDevVectors.Consistency.Where(v => !v.WantErr && v.Root1.Length == 64))
        {
            IReadOnlyList<byte[]> proof = MerkleProofs.ConsistencyProof(leaves, (long)v.Size1, (long)v.Size2);
            Assert.Equal(v.Proof, proof.Select(Convert.ToHexStringLower));
            Assert.Equal(v.Root1, Convert.ToHexStringLower(MerkleProofs.RootOf(leaves, (long)v.Size1)));
            Assert.Equal(v.Root2, Convert.ToHexStringLower(MerkleProofs.RootOf(leaves, (long)v.Size2)));
        }
    }

    private static byte[][] Proof(string[] hex) => [.. hex.Select(Convert.FromHexString)];
}

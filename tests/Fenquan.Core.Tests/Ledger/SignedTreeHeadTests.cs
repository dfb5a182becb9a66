using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Ledger;

// R44: a signed tree head commits the county's key to (size, root, time); any change to it, or a
// signature by another key, must fail verification.
[Trait("Rule", "R44")]
public class SignedTreeHeadTests
{
    private static readonly CountyId County = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly byte[] Root = MerkleHash.Leaf("root"u8);

    [Fact]
    public void SignedHead_VerifiesWithTheSignersPublicKey()
    {
        using var signer = TreeHeadSigner.Create();

        SignedTreeHead head = signer.Sign(County, 10, Root, At);

        Assert.True(TreeHeadSigner.Verify(signer.PublicKey, head));
        Assert.Equal(32, signer.PublicKey.Length);
        Assert.Equal(64, head.Signature.Length);
    }

    [Fact]
    public void SignedBytes_AreTheDocumentedV1Text()
    {
        using var signer = TreeHeadSigner.Create();
        SignedTreeHead head = signer.Sign(County, 10, Root, At.ToOffset(TimeSpan.FromHours(8)));

        Assert.Equal(
            "fenquan-sth-v1\n0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n10\n" + Convert.ToHexStringLower(Root) + "\n2026-01-02T03:04:05.0000000Z\n",
            Encoding.UTF8.GetString(head.SignedBytes()));
    }

    [Fact]
    public void TamperedHead_FailsVerification()
    {
        using var signer = TreeHeadSigner.Create();
        SignedTreeHead head = signer.Sign(County, 10, Root, At);
        byte[] otherRoot = (byte[])Root.Clone();
        otherRoot[0] ^= 1;
        byte[] otherSignature = (byte[])head.Signature.Clone();
        otherSignature[5] ^= 0x10;

        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { TreeSize = 9 }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { RootHash = otherRoot }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { At = At.AddTicks(1) }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { County = CountyId.New() }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { Signature = otherSignature }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { Signature = [] }));
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { RootHash = Root[..31] }));
    }

    [Fact]
    public void HeadSignedByAnotherKey_FailsVerification()
    {
        using var signer = TreeHeadSigner.Create();
        using var intruder = TreeHeadSigner.Create();

        SignedTreeHead forged = intruder.Sign(County, 10, Root, At);

        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, forged));
        Assert.False(TreeHeadSigner.Verify([1, 2, 3], forged));
    }

    [Theory]
    [InlineData(TreeHeadKeyFormat.Raw)]
    [InlineData(TreeHeadKeyFormat.Pkix)]
    public void ExportedKey_ImportsToTheSameSigner(TreeHeadKeyFormat format)
    {
        using var signer = TreeHeadSigner.Create();
        byte[] exported = signer.ExportPrivateKey(format);

        using var restored = TreeHeadSigner.Import(exported, format);

        Assert.Equal(signer.PublicKey, restored.PublicKey);
        Assert.True(TreeHeadSigner.Verify(signer.PublicKey, restored.Sign(County, 3, Root, At)));
        // Ed25519 is deterministic: the same key signs the same head identically.
        Assert.Equal(signer.Sign(County, 3, Root, At).Signature, restored.Sign(County, 3, Root, At).Signature);
    }

    [Fact]
    public void ImportingGarbage_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => TreeHeadSigner.Import([1, 2, 3]));
        Assert.Throws<FormatException>(() => TreeHeadSigner.Import(new byte[32], TreeHeadKeyFormat.Pkix));
    }
}

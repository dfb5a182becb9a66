using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Ledger;

// R44: checkpoints are C2SP signed notes, byte for byte what Go's golang.org/x/mod/sumdb/note reads.
// The vector is the one in that package's documentation (note.go, note_test.go).
[Trait("Rule", "R44")]
public class SignedNoteTests
{
    private const string GoVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoSeed = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static readonly CountyId County = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    [Fact]
    public void GoVector_KeyIdSignatureAndNote_AreReproducedExactly()
    {
        using var signer = TreeHeadSigner.Import(Convert.FromBase64String(GoSeed)[1..]);
        var key = new NoteVerifierKey("PeterNeumann", NoteKeyType.Ed25519, signer.PublicKey);

        Assert.Equal(GoVkey, key.Vkey());
        var note = new SignedNote(GoText, [new NoteSignature("PeterNeumann", key.KeyId, signer.SignMessage(Encoding.UTF8.GetBytes(GoText)))]);
        Assert.Equal(GoNote, note.Format());
    }

    [Fact]
    public void GoVector_ParsesAndVerifies()
    {
        var key = NoteVerifierKey.Parse(GoVkey)!;
        var note = SignedNote.Parse(GoNote)!;

        Assert.Equal(GoText, note.Text);
        var signature = Assert.Single(note.Signatures);
        Assert.True(key.Names(signature));
        Assert.True(TreeHeadSigner.VerifyMessage(key.PublicKey, Encoding.UTF8.GetBytes(note.Text), signature.Signature));
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // key id does not match
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // unknown algorithm
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // space in the name
    public void BadVkeys_AreRefused(string vkey) => Assert.Null(NoteVerifierKey.Parse(vkey));

    [Fact]
    public void Vkeys_RoundTrip_AlsoWhenTheBase64KeyHoldsAPlus()
    {
        for (int i = 0; i < 64; i++)
        {
            using var signer = TreeHeadSigner.Create();
            var key = new NoteVerifierKey(LogOrigin.Of(County), i % 2 == 0 ? NoteKeyType.Ed25519 : NoteKeyType.Cosignature, signer.PublicKey);
            Assert.Equal(key.Vkey(), NoteVerifierKey.Parse(key.Vkey())!.Vkey());
        }
    }

    [Fact]
    public void Checkpoint_IsOriginSizeBase64Root_SignedByTheLogKey()
    {
        using var signer = TreeHeadSigner.Create();
        byte[] root = MerkleHash.Leaf("x"u8);

        var head = signer.Sign(County, 42, root, DateTimeOffset.UnixEpoch);

        string body = "fenquan.ledger/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\n42\n" + Convert.ToBase64String(root) + "\n";
        Assert.StartsWith(body + "\n\u2014 fenquan.ledger/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b ", head.Checkpoint);
        var key = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Ed25519, signer.PublicKey);
        var opened = Checkpoint.Open(head.Checkpoint!, key);
        Assert.True(opened.IsOk);
        Assert.Equal(42, opened.Value.Checkpoint.Size);
        Assert.True(TreeHeadSigner.Verify(signer.PublicKey, head));
    }

    [Fact]
    public void Checkpoint_ChangedSize_OrOtherKey_IsRefused()
    {
        using var signer = TreeHeadSigner.Create();
        using var other = TreeHeadSigner.Create();
        var head = signer.Sign(County, 42, MerkleHash.Leaf("x"u8), DateTimeOffset.UnixEpoch);
        var key = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Ed25519, signer.PublicKey);

        Assert.Equal("R44.CheckpointSignature", Checkpoint.Open(head.Checkpoint!.Replace("\n42\n", "\n43\n", StringComparison.Ordinal), key).Refusal!.Key);
        Assert.Equal("R44.CheckpointSignature", Checkpoint.Open(head.Checkpoint!, key with { PublicKey = other.PublicKey }).Refusal!.Key);
        Assert.False(TreeHeadSigner.Verify(signer.PublicKey, head with { Checkpoint = head.Checkpoint!.Replace("\n42\n", "\n43\n", StringComparison.Ordinal) }));
    }

    [Fact]
    public void Cosignature_VerifiesWithTheWitnessKey_AndCarriesItsTime()
    {
        using var witness = TreeHeadSigner.Create();
        var key = new NoteVerifierKey("witness.example/w1", NoteKeyType.Cosignature, witness.PublicKey);
        string body = new Checkpoint(LogOrigin.Of(County), 7, MerkleHash.Leaf("y"u8)).Body();

        var cosignature = Cosignature.Sign(witness, key.Name, body, 1_679_315_147);

        Assert.Equal(8 + 64, cosignature.Signature.Length);
        Assert.Equal(1_679_315_147, Cosignature.Verify(key, body, cosignature));
        Assert.Null(Cosignature.Verify(key, body.Replace("\n7\n", "\n8\n", StringComparison.Ordinal), cosignature));
        // The same key as a plain note signer has another key id: not a cosignature.
        Assert.Null(Cosignature.Verify(key with { Type = NoteKeyType.Ed25519 }, body, cosignature));
        var parsed = SignedNote.Parse(body + "\n" + cosignature.Line())!;
        Assert.Equal(1_679_315_147, Cosignature.Verify(key, parsed.Text, parsed.Signatures[0]));
    }
}

using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Ledger;

// R44 with GB/T 39786: a checkpoint may carry an SM2/SM3 line beside the log's Ed25519 line; a
// verifier knowing either key opens it, and one knowing neither refuses it.
[Trait("Rule", "R44")]
public class Sm2NoteKeyTests
{
    private static readonly CountyId County = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));

    private static readonly byte[] Root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void ASignature_VerifiesForItsMessageAndKeyOnly_AndTheKeySurvivesPkcs8()
    {
        var key = Sm2NoteKey.Create();
        var message = "fenquan.ledger/x\n5\nAAAA\n"u8.ToArray();
        var signature = key.Sign(message);

        Assert.Equal(Sm2NoteKey.SignatureSize, signature.Length);
        Assert.True(Sm2NoteKey.Verify(key.PublicKey, message, signature));
        Assert.False(Sm2NoteKey.Verify(key.PublicKey, "fenquan.ledger/x\n6\nAAAA\n"u8, signature));
        Assert.False(Sm2NoteKey.Verify(Sm2NoteKey.Create().PublicKey, message, signature));
        var flipped = (byte[])signature.Clone();
        flipped[10] ^= 1;
        Assert.False(Sm2NoteKey.Verify(key.PublicKey, message, flipped));

        var again = Sm2NoteKey.ImportPkcs8(key.ExportPkcs8());
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.True(Sm2NoteKey.Verify(key.PublicKey, message, again.Sign(message)));
        Assert.Throws<FormatException>(() => Sm2NoteKey.ImportPkcs8([0x30, 0x03, 0x02, 0x01, 0x00]));
    }

    [Fact]
    public void TheVkey_RoundTrips_WithAKeyIdOfItsOwn()
    {
        var key = Sm2NoteKey.Create();
        var verifier = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Sm2, key.PublicKey);

        var parsed = NoteVerifierKey.Parse(verifier.Vkey());
        Assert.NotNull(parsed);
        Assert.Equal(NoteKeyType.Sm2, parsed.Type);
        Assert.Equal(key.PublicKey, parsed.PublicKey);
        Assert.Equal(verifier.KeyId, parsed.KeyId);

        // The same bytes under another type hash to another ID, so an SM2 line is never taken for an Ed25519 one.
        Assert.NotEqual(verifier.KeyId, NoteVerifierKey.ComputeKeyId(verifier.Name, NoteKeyType.Ed25519, key.PublicKey));

        // A point that is not on the curve is no key.
        var off = (byte[])key.PublicKey.Clone();
        off[40] ^= 1;
        Assert.Null(NoteVerifierKey.Parse(new NoteVerifierKey(verifier.Name, NoteKeyType.Sm2, off).Vkey()));
    }

    [Fact]
    public void ACheckpoint_CarriesBothLines_AndEitherKeyOpensIt()
    {
        using var log = TreeHeadSigner.Create().WithSm2(Sm2NoteKey.Create());
        var head = log.Sign(County, 5, Root, new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var note = SignedNote.Parse(head.Checkpoint!)!;

        Assert.Equal(2, note.Signatures.Count);
        Assert.All(note.Signatures, s => Assert.Equal(LogOrigin.Of(County), s.KeyName));
        var ed25519 = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Ed25519, log.PublicKey);
        var sm2 = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Sm2, log.Sm2!.PublicKey);
        Assert.True(Checkpoint.Open(head.Checkpoint!, ed25519).IsOk);
        Assert.True(Checkpoint.Open(head.Checkpoint!, sm2).IsOk);
        Assert.True(TreeHeadSigner.Verify(log.PublicKey, head));

        var stranger = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Sm2, Sm2NoteKey.Create().PublicKey);
        Assert.Equal("R44.CheckpointSignature", Checkpoint.Open(head.Checkpoint!, stranger).Refusal!.Key);
    }

    [Fact]
    public void TheTrustFile_KeepsSm2Keys_ForCheckpointsButNotForHeads()
    {
        var sm2 = Sm2NoteKey.Create();
        using var log = TreeHeadSigner.Create();
        var trust = TrustFile.Parse(TrustFile.ForCounties([County], [log.PublicKey], [], [sm2.PublicKey]).Format());

        Assert.Equal(2, trust.Logs.Count);
        Assert.Equal(log.PublicKey, Assert.Single(trust.LogPublicKeys()));
        Assert.Equal(sm2.PublicKey, Assert.Single(trust.Sm2KeysOf(LogOrigin.Of(County))).PublicKey);
        Assert.Empty(trust.Sm2KeysOf(LogOrigin.Of(new CountyId(Guid.NewGuid()))));
    }

    [Fact]
    public void Sm2Lines_AreGoodUntilOneIsMissingOrForged()
    {
        var sm2 = Sm2NoteKey.Create();
        using var log = TreeHeadSigner.Create();
        var at = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var before = log.Sign(County, 3, Root, at).Checkpoint;
        log.WithSm2(sm2);
        var first = log.Sign(County, 4, Root, at).Checkpoint;
        var second = log.Sign(County, 5, Root, at).Checkpoint;
        log.WithSm2(null);
        var stolenKeyOnly = log.Sign(County, 6, Root, at).Checkpoint;
        var key = new NoteVerifierKey(LogOrigin.Of(County), NoteKeyType.Sm2, sm2.PublicKey);

        var intact = Sm2Lines.Check([(2, null), (3, before), (4, first), (5, second)], [key]);
        Assert.True(intact.IsIntact);
        Assert.Equal((2L, (long?)4), (intact.Good, intact.FirstSignedSize));

        // Signed with the Ed25519 key alone after the SM2 line began: shown.
        var missing = Sm2Lines.Check([(3, before), (4, first), (6, stolenKeyOnly)], [key]);
        Assert.Contains("size 6 has no SM2 line", Assert.Single(missing.Problems));

        // A forged SM2 line under the trusted key's name and ID: shown.
        var note = SignedNote.Parse(second!)!;
        var forged = note with { Signatures = [note.Signatures[0], note.Signatures[1] with { Signature = Sm2NoteKey.Create().Sign(Encoding.UTF8.GetBytes(note.Text)) }] };
        var bad = Sm2Lines.Check([(4, first), (5, forged.Format())], [key]);
        Assert.Contains("size 5 carries an SM2 line by a trusted key that does not verify", Assert.Single(bad.Problems));
    }
}

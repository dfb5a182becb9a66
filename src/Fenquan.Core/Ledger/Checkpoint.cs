using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ledger;

/// <summary>
/// A transparency-log checkpoint (C2SP tlog-checkpoint): the note body <c>origin\nsize\nbase64(root)\n</c>
/// naming one county's ledger, its size and its RFC 6962 root (R44). Signed as a signed note by the
/// log's Ed25519 key and cosigned by witnesses, so anyone can hold it and later ask for a proof that
/// the ledger they are shown extends it.
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    private const string Rule = "R44";

    /// <summary>The note body that is signed and cosigned.</summary>
    public string Body() =>
        Origin + "\n" + Size.ToString(CultureInfo.InvariantCulture) + "\n" + Convert.ToBase64String(Root) + "\n";

    /// <summary>
    /// Signs the checkpoint with the log's key, and with its SM2 key when it has one (a second line):
    /// the whole signed note, as served at <c>/checkpoint</c>.
    /// </summary>
    public string Sign(TreeHeadSigner logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        string body = Body();
        byte[] message = Encoding.UTF8.GetBytes(body);
        var key = new NoteVerifierKey(Origin, NoteKeyType.Ed25519, logKey.PublicKey);
        var signature = new NoteSignature(Origin, key.KeyId, logKey.SignMessage(message));
        if (logKey.Sm2 is not { } sm2)
        {
            return new SignedNote(body, [signature]).Format();
        }

        // The second line, under the same name with its own key ID: verifiers that do not know it skip it.
        var sm2Key = new NoteVerifierKey(Origin, NoteKeyType.Sm2, sm2.PublicKey);
        return new SignedNote(body, [signature, new NoteSignature(Origin, sm2Key.KeyId, sm2.Sign(message))]).Format();
    }

    /// <summary>Parses a checkpoint body (extension lines, if any, are kept in the text but not interpreted).</summary>
    public static Checkpoint? ParseBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string[] lines = body.Split('\n');
        if (lines.Length < 4 || lines[^1].Length != 0 || lines[0].Length == 0)
        {
            return null;
        }

        // Decimal without leading zeroes (except "0").
        string size = lines[1];
        if (size.Length == 0 || (size.Length > 1 && size[0] == '0') || !size.All(char.IsAsciiDigit)
            || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
        {
            return null;
        }

        try
        {
            byte[] root = Convert.FromBase64String(lines[2]);
            return root.Length == MerkleHash.Size && Convert.ToBase64String(root) == lines[2] ? new Checkpoint(lines[0], n, root) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens a signed checkpoint note: the log's key (name = origin; its Ed25519 or its SM2 key) must
    /// have signed it; other signatures are skipped. The note, with every signature, is returned alongside.
    /// </summary>
    public static Result<(Checkpoint Checkpoint, SignedNote Note)> Open(string note, NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        if (SignedNote.Parse(note) is not { } parsed || ParseBody(parsed.Text) is not { } checkpoint)
        {
            return Refusal.Because(Rule, "CheckpointMalformed", "The checkpoint is not a well-formed signed note.");
        }

        if (checkpoint.Origin != logKey.Name)
        {
            return Refusal.Because(Rule, "CheckpointOrigin", "The checkpoint is for {origin}, not for {expected}.",
                ("origin", checkpoint.Origin), ("expected", logKey.Name));
        }

        byte[] message = Encoding.UTF8.GetBytes(parsed.Text);
        bool signed = parsed.Signatures.Any(s => logKey.Verifies(message, s));
        return signed
            ? Result<(Checkpoint, SignedNote)>.Ok((checkpoint, parsed))
            : Refusal.Because(Rule, "CheckpointSignature", "The checkpoint carries no valid signature by the log's key.");
    }
}

/// <summary>The origin line of a county's ledger: one log per county, named by the county's id.</summary>
public static class LogOrigin
{
    /// <summary>The prefix of every Fenquan log origin.</summary>
    public const string Prefix = "fenquan.ledger/";

    public static string Of(CountyId county) => Prefix + county.Value.ToString("D");

    /// <summary>The county a Fenquan origin names, or null.</summary>
    public static CountyId? CountyOf(string origin) =>
        origin.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(origin[Prefix.Length..], "D", out Guid id)
            ? new CountyId(id) : null;
}

/// <summary>
/// C2SP tlog-cosignature/v1 (Ed25519): a witness's timestamped statement that, as of that time, the
/// checkpoint is the largest consistent tree it has seen for the origin. The signed message is
/// <c>cosignature/v1\ntime T\n</c> followed by the checkpoint body; the signature line carries
/// base64(keyID ‖ u64 timestamp ‖ signature).
/// </summary>
public static class Cosignature
{
    public static NoteSignature Sign(TreeHeadSigner witnessKey, string witnessName, string checkpointBody, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(witnessKey);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var key = new NoteVerifierKey(witnessName, NoteKeyType.Cosignature, witnessKey.PublicKey);
        byte[] signature = witnessKey.SignMessage(Message(checkpointBody, timestamp));
        var bytes = new byte[8 + signature.Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, timestamp);
        signature.CopyTo(bytes, 8);
        return new NoteSignature(witnessName, key.KeyId, bytes);
    }

    /// <summary>The cosignature's timestamp when <paramref name="signature"/> is a valid cosignature of the body by the witness key; else null.</summary>
    public static long? Verify(NoteVerifierKey witness, string checkpointBody, NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(signature);
        if (witness.Type != NoteKeyType.Cosignature || !witness.Names(signature) || signature.Signature.Length != 8 + 64)
        {
            return null;
        }

        long timestamp = BinaryPrimitives.ReadInt64BigEndian(signature.Signature);
        return timestamp >= 0 && TreeHeadSigner.VerifyMessage(witness.PublicKey, Message(checkpointBody, timestamp), signature.Signature.AsSpan(8))
            ? timestamp : null;
    }

    private static byte[] Message(string body, long timestamp) =>
        Encoding.UTF8.GetBytes("cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + body);
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Fenquan.Core.Ledger;

/// <summary>One signature line of a signed note (C2SP signed-note): <c>— name base64(keyID ‖ signature)</c>.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>The line as it appears in a note, ending in a newline.</summary>
    public string Line()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.CopyTo(bytes, 4);
        return "\u2014 " + KeyName + " " + Convert.ToBase64String(bytes) + "\n";
    }

    /// <summary>Parses one line (without its newline); null when it is not a signature line.</summary>
    public static NoteSignature? Parse(string line)
    {
        if (!line.StartsWith("\u2014 ", StringComparison.Ordinal))
        {
            return null;
        }

        string rest = line[2..];
        int space = rest.LastIndexOf(' ');
        if (space <= 0 || !SignedNote.IsValidKeyName(rest[..space]))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(rest[(space + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        return bytes.Length <= 4 ? null : new NoteSignature(rest[..space], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }
}

/// <summary>
/// A signed note (C2SP signed-note, the format of Go's <c>golang.org/x/mod/sumdb/note</c>): UTF-8 text
/// ending in a newline, a blank line, then one or more signature lines. Verifiers skip signatures by
/// keys they do not know, so a checkpoint can carry the log's Ed25519 signature, witnesses'
/// cosignatures and other lines side by side (R44).
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>The note as served: text, blank line, signature lines.</summary>
    public string Format() => Text + "\n" + string.Concat(Signatures.Select(s => s.Line()));

    /// <summary>Parses a note; null when it is malformed (no text, no signature, control characters, bad lines).</summary>
    public static SignedNote? Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        int split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            return null;
        }

        string text = note[..(split + 1)];
        if (!IsValidText(text))
        {
            return null;
        }

        var signatures = new List<NoteSignature>();
        foreach (string line in note[(split + 2)..^1].Split('\n'))
        {
            if (NoteSignature.Parse(line) is not { } signature)
            {
                return null;
            }

            signatures.Add(signature);
        }

        return signatures.Count == 0 ? null : new SignedNote(text, signatures);
    }

    /// <summary>A key name is non-empty UTF-8 without spaces, newlines or plus signs.</summary>
    public static bool IsValidKeyName(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    /// <summary>Note text: ends in a newline, no other control characters.</summary>
    public static bool IsValidText(string text) =>
        text.Length > 0 && text.EndsWith('\n') && !text.Any(c => c != '\n' && char.IsControl(c));
}

/// <summary>The kinds of note key: the first byte of the key material in a vkey and the key ID's hash.</summary>
public enum NoteKeyType : byte
{
    /// <summary>A signed-note Ed25519 signature (the log's checkpoint signature).</summary>
    Ed25519 = 0x01,

    /// <summary>A C2SP tlog-cosignature/v1 Ed25519 timestamped cosignature (a witness's).</summary>
    Cosignature = 0x04,

    /// <summary>
    /// The log's SM2/SM3 signature line (<see cref="Sm2NoteKey"/>): signed-note reserves 0xff for types
    /// it assigns no byte, followed by a longer identifier (<see cref="NoteVerifierKey.Sm2Identifier"/>)
    /// in the key ID's hash.
    /// </summary>
    Sm2 = 0xff,
}

/// <summary>
/// A note verifier key: a name, a type and a public key (32-byte Ed25519, or 65-byte uncompressed SM2).
/// The key ID is SHA-256(name ‖ "\n" ‖ type ‖ key)[:4] (for SM2: name ‖ "\n" ‖ 0xff ‖ identifier ‖ key);
/// the text form (vkey) is <c>name+hex(keyID)+base64(type ‖ key)</c>.
/// </summary>
public sealed record NoteVerifierKey(string Name, NoteKeyType Type, byte[] PublicKey)
{
    /// <summary>The 32-bit key ID.</summary>
    public uint KeyId => ComputeKeyId(Name, Type, PublicKey);

    /// <summary>The vkey text, as Go's note.NewVerifier reads it.</summary>
    public string Vkey()
    {
        byte[] material = [(byte)Type, .. PublicKey];
        return Name + "+" + KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "+" + Convert.ToBase64String(material);
    }

    /// <summary>Parses a vkey; null when malformed, of an unknown type or with a key ID that does not match.</summary>
    public static NoteVerifierKey? Parse(string vkey)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        string[] parts = vkey.Trim().Split('+', 3); // the base64 key may hold '+' itself
        if (parts.Length != 3 || !SignedNote.IsValidKeyName(parts[0]) || parts[1].Length != 8)
        {
            return null;
        }

        try
        {
            byte[] material = Convert.FromBase64String(parts[2]);
            uint id = Convert.ToUInt32(parts[1], 16);
            bool known = material.Length > 0 && material[0] switch
            {
                (byte)NoteKeyType.Ed25519 or (byte)NoteKeyType.Cosignature => material.Length == 33,
                (byte)NoteKeyType.Sm2 => Sm2NoteKey.IsPublicKey(material.AsSpan(1)),
                _ => false,
            };
            if (!known)
            {
                return null;
            }

            var key = new NoteVerifierKey(parts[0], (NoteKeyType)material[0], material[1..]);
            return key.KeyId == id ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The identifier after the 0xff type byte in an SM2 key's ID hash.</summary>
    public const string Sm2Identifier = "fenquan.sm2-sm3/v1";

    /// <summary>Whether <paramref name="signature"/> is this key's (name and key ID match).</summary>
    public bool Names(NoteSignature signature) => signature.KeyName == Name && signature.KeyId == KeyId;

    /// <summary>Whether <paramref name="signature"/> is this key's and a valid signature of the note text <paramref name="message"/> (Ed25519 or SM2 keys).</summary>
    public bool Verifies(ReadOnlySpan<byte> message, NoteSignature signature) =>
        Names(signature) && Type switch
        {
            NoteKeyType.Ed25519 => TreeHeadSigner.VerifyMessage(PublicKey, message, signature.Signature),
            NoteKeyType.Sm2 => Sm2NoteKey.Verify(PublicKey, message, signature.Signature),
            _ => false,
        };

    /// <summary>SHA-256(name ‖ "\n" ‖ type ‖ key)[:4] as a big-endian number (for SM2, the identifier follows the type).</summary>
    public static uint ComputeKeyId(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        byte[] prefix = Encoding.UTF8.GetBytes(name + "\n");
        byte[] identifier = type == NoteKeyType.Sm2 ? Encoding.ASCII.GetBytes(Sm2Identifier) : [];
        byte[] input = [.. prefix, (byte)type, .. identifier, .. publicKey];
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }
}

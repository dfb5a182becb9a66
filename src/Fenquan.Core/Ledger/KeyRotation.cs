using System.Text;
using System.Text.Json;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ledger;

/// <summary>
/// A rotation of the log's signing key (R44), appended to each county's ledger: the statement
/// <c>fenquan-key-rotation-v1\n{county}\n{old key hex}\n{new key hex}\n</c> signed by the old key (it
/// hands over) and by the new key (it accepts), so a verifier who trusts the old key can follow the chain.
/// </summary>
public sealed record KeyRotation(CountyId County, byte[] OldKey, byte[] NewKey, byte[] OldSignature, byte[] NewSignature)
{
    public const string Kind = "ledger.key_rotated";

    public const string SubjectType = "LedgerKey";

    public static KeyRotation Sign(CountyId county, TreeHeadSigner oldKey, TreeHeadSigner newKey)
    {
        ArgumentNullException.ThrowIfNull(oldKey);
        ArgumentNullException.ThrowIfNull(newKey);
        byte[] statement = Statement(county, oldKey.PublicKey, newKey.PublicKey);
        return new KeyRotation(county, oldKey.PublicKey, newKey.PublicKey, oldKey.SignMessage(statement), newKey.SignMessage(statement));
    }

    /// <summary>Both signatures are valid.</summary>
    public bool IsValid() =>
        TreeHeadSigner.VerifyMessage(OldKey, Statement(County, OldKey, NewKey), OldSignature)
        && TreeHeadSigner.VerifyMessage(NewKey, Statement(County, OldKey, NewKey), NewSignature);

    /// <summary>The entry's data (a JSON object of hex keys and base64 signatures).</summary>
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["oldKey"] = Convert.ToHexStringLower(OldKey),
        ["newKey"] = Convert.ToHexStringLower(NewKey),
        ["oldSignature"] = Convert.ToBase64String(OldSignature),
        ["newSignature"] = Convert.ToBase64String(NewSignature),
    });

    public static KeyRotation? FromJson(CountyId county, string json)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return fields is null ? null : new KeyRotation(county, Convert.FromHexString(fields["oldKey"]), Convert.FromHexString(fields["newKey"]),
                Convert.FromBase64String(fields["oldSignature"]), Convert.FromBase64String(fields["newSignature"]));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    private static byte[] Statement(CountyId county, byte[] oldKey, byte[] newKey) => Encoding.UTF8.GetBytes(
        "fenquan-key-rotation-v1\n" + county.Value.ToString("D") + "\n" + Convert.ToHexStringLower(oldKey) + "\n" + Convert.ToHexStringLower(newKey) + "\n");
}

/// <summary>
/// R44: which of the log's keys may sign a head of a given size. A rotation entry at sequence r is
/// appended under a head still signed by the old key (size r + 1); every larger head must be signed
/// by a later key, so a retired key, if it leaks, cannot sign new history unnoticed. Only rotations
/// signed by both keys count.
/// </summary>
public sealed class KeyHistory
{
    private readonly List<(long Sequence, byte[] OldKey)> _retired;

    public KeyHistory(IEnumerable<(long Sequence, KeyRotation Rotation)> rotations)
    {
        ArgumentNullException.ThrowIfNull(rotations);
        _retired = [.. rotations.Where(r => r.Rotation.IsValid()).Select(r => (r.Sequence, r.Rotation.OldKey))];
    }

    /// <summary>No rotation: every trusted key may sign any head.</summary>
    public static KeyHistory None { get; } = new([]);

    /// <summary>The sequence of the rotation entry that retired <paramref name="key"/> before a head of <paramref name="treeSize"/>; null while the key may still sign it.</summary>
    public long? RetiredAt(ReadOnlySpan<byte> key, long treeSize)
    {
        foreach (var (sequence, old) in _retired)
        {
            if (treeSize > sequence + 1 && key.SequenceEqual(old))
            {
                return sequence;
            }
        }

        return null;
    }
}


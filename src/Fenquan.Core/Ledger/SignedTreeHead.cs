using System.Globalization;
using System.Text;
using Fenquan.Core.Primitives;
using NSec.Cryptography;

namespace Fenquan.Core.Ledger;

/// <summary>
/// A signed tree head (R44): the county's ledger had <see cref="TreeSize"/> entries with this Merkle root
/// at this time, signed with the county's Ed25519 key (kept outside the database), so a later edit of
/// the stored rows cannot be hidden by also rewriting the stored hashes.
/// </summary>
public sealed record SignedTreeHead(CountyId County, long TreeSize, byte[] RootHash, DateTimeOffset At, byte[] Signature)
{
    /// <summary>
    /// The same head as a C2SP checkpoint signed note (origin per county, size, base64 root), signed by
    /// the same key when the head was made; null for heads made before checkpoints existed.
    /// </summary>
    public string? Checkpoint { get; init; }

    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// The bytes that are signed, version 1: UTF-8 text of five lines, each ending in "\n":
    /// <c>fenquan-sth-v1</c>, the county id (lower-case "D" format), the tree size (decimal),
    /// the root hash (64 lower-case hex digits) and the time in UTC (<c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>).
    /// </summary>
    public byte[] SignedBytes() => BuildSignedBytes(County, TreeSize, RootHash, At);

    internal static byte[] BuildSignedBytes(CountyId county, long treeSize, byte[] rootHash, DateTimeOffset at)
    {
        var text = new StringBuilder(160)
            .Append("fenquan-sth-v1\n")
            .Append(county.Value.ToString("D")).Append('\n')
            .Append(treeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToHexStringLower(rootHash)).Append('\n')
            .Append(at.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture)).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>The encodings a tree-head signing key can be exported to and imported from.</summary>
public enum TreeHeadKeyFormat
{
    /// <summary>The 32-byte Ed25519 seed.</summary>
    Raw,

    /// <summary>PKCS#8 PrivateKeyInfo (DER), as read by OpenSSL.</summary>
    Pkix,
}

/// <summary>Signs tree heads with a county's Ed25519 key (R44). Dispose it to wipe the key from memory.</summary>
public sealed class TreeHeadSigner : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private TreeHeadSigner(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte raw Ed25519 public key, which anyone may hold to verify tree heads.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The log's SM2 key when the operator added one: each checkpoint then carries an SM2/SM3 line too.</summary>
    public Sm2NoteKey? Sm2 { get; private set; }

    /// <summary>Adds (or replaces) the SM2 key that signs a second line of every checkpoint from now on.</summary>
    public TreeHeadSigner WithSm2(Sm2NoteKey? sm2)
    {
        Sm2 = sm2;
        return this;
    }

    /// <summary>Makes a new random key (exportable, so it can be saved to the key file).</summary>
    public static TreeHeadSigner Create() =>
        new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Loads a key saved by <see cref="ExportPrivateKey"/>.</summary>
    public static TreeHeadSigner Import(byte[] privateKey, TreeHeadKeyFormat format = TreeHeadKeyFormat.Raw)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        if (!Key.TryImport(Algorithm, privateKey, ToBlobFormat(format), out Key? key, in parameters) || key is null)
        {
            throw new FormatException("The tree-head signing key is not a valid Ed25519 private key in the given format.");
        }

        return new TreeHeadSigner(key);
    }

    /// <summary>The private key, for the key file outside the database.</summary>
    public byte[] ExportPrivateKey(TreeHeadKeyFormat format = TreeHeadKeyFormat.Raw) => _key.Export(ToBlobFormat(format));

    /// <summary>Signs the head of the county's tree of <paramref name="treeSize"/> entries with <paramref name="root"/>.</summary>
    public SignedTreeHead Sign(CountyId county, long treeSize, byte[] root, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentNullException.ThrowIfNull(root);
        if (root.Length != MerkleHash.Size)
        {
            throw new ArgumentException("A root is 32 bytes.", nameof(root));
        }

        DateTimeOffset utc = at.ToUniversalTime();
        byte[] rootCopy = (byte[])root.Clone();
        byte[] signature = Algorithm.Sign(_key, SignedTreeHead.BuildSignedBytes(county, treeSize, rootCopy, utc));
        string checkpoint = new Checkpoint(LogOrigin.Of(county), treeSize, rootCopy).Sign(this);
        return new SignedTreeHead(county, treeSize, rootCopy, utc, signature) { Checkpoint = checkpoint };
    }

    /// <summary>An Ed25519 signature of <paramref name="message"/> (for signed notes: checkpoints and cosignatures).</summary>
    public byte[] SignMessage(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <summary>Whether <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool VerifyMessage(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out PublicKey? key) && key is not null
        && Algorithm.Verify(key, message, signature);

    /// <summary>Whether <paramref name="head"/> carries a valid signature by <paramref name="publicKey"/> (raw 32 bytes).</summary>
    public static bool Verify(byte[] publicKey, SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(head);
        if (head.RootHash is null || head.Signature is null || head.RootHash.Length != MerkleHash.Size || head.TreeSize < 0)
        {
            return false;
        }

        if (!NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out PublicKey? key) || key is null)
        {
            return false;
        }

        if (!Algorithm.Verify(key, head.SignedBytes(), head.Signature))
        {
            return false;
        }

        // The checkpoint, when the head has one, must be signed by the same key and say the same.
        if (head.Checkpoint is null)
        {
            return true;
        }

        var opened = Ledger.Checkpoint.Open(head.Checkpoint, new NoteVerifierKey(LogOrigin.Of(head.County), NoteKeyType.Ed25519, publicKey));
        return opened.IsOk && opened.Value.Checkpoint.Size == head.TreeSize && opened.Value.Checkpoint.Root.AsSpan().SequenceEqual(head.RootHash);
    }

    public void Dispose() => _key.Dispose();

    private static KeyBlobFormat ToBlobFormat(TreeHeadKeyFormat format) => format switch
    {
        TreeHeadKeyFormat.Raw => KeyBlobFormat.RawPrivateKey,
        TreeHeadKeyFormat.Pkix => KeyBlobFormat.PkixPrivateKey,
    };
}

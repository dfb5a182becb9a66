using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fenquan.Core.Ledger;

namespace Fenquan.Data.Storage;

/// <summary>
/// The log's Ed25519 signing key (R44), in the key folder outside the data folder, encrypted at rest
/// as PKCS#8 (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC, readable by <c>openssl pkey</c>) with the
/// operator's passphrase. The public keys the log has used are written beside it. The running server
/// must hold the key, so encryption protects copies and backups; against the operator himself it is
/// the witnesses that protect.
/// </summary>
public static class SigningKeyStore
{
    // The generated passphrase is 256 random bits; the count only matters for a passphrase a person chose.
    private const int Iterations = 100_000;

    private const string PemLabel = "ENCRYPTED PRIVATE KEY";

    public static TreeHeadSigner LoadOrCreate(DataDirectory data, KeyDirectory? keys = null)
    {
        keys ??= KeyDirectory.Resolve(data);
        keys.EnsureCreated();
        if (File.Exists(keys.SigningKeyFile))
        {
            return Decrypt(File.ReadAllText(keys.SigningKeyFile), ReadPassphrase(keys)).WithSm2(LoadSm2(keys));
        }

        // A data folder from before keys moved out of it: take its key over, and remove the plaintext copy.
        var legacy = Path.Combine(data.Root, "keys", "ledger-ed25519.key");
        var signer = File.Exists(legacy) ? TreeHeadSigner.Import(File.ReadAllBytes(legacy), TreeHeadKeyFormat.Pkix) : TreeHeadSigner.Create();
        Save(keys, signer);
        if (File.Exists(legacy))
        {
            File.Delete(legacy);
            File.Delete(Path.Combine(data.Root, "keys", "ledger-ed25519.pub"));
        }

        return signer;
    }

    /// <summary>The public keys the log has signed with, oldest first (empty when there is no key yet).</summary>
    public static IReadOnlyList<byte[]> LoadPublicKeys(KeyDirectory keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return HexLines(keys.PublicKeysFile);
    }

    /// <summary>The SM2 public keys the log has signed checkpoints with, oldest first (empty without an SM2 line).</summary>
    public static IReadOnlyList<byte[]> LoadSm2PublicKeys(KeyDirectory keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return HexLines(keys.Sm2PublicKeysFile);
    }

    /// <summary>
    /// Adds the SM2 key that signs a second line of every checkpoint (GB/T 39786): made once, encrypted
    /// like the Ed25519 key with the same passphrase, its public key added to the SM2 history. Returns
    /// the key in the folder (the existing one when there is one already).
    /// </summary>
    public static (Sm2NoteKey Key, bool Created) AddSm2(KeyDirectory keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (LoadSm2(keys) is { } existing)
        {
            return (existing, false);
        }

        var key = Sm2NoteKey.Create();
        EnsurePassphrase(keys.PassphraseFile);
        WritePrivate(keys.Sm2KeyFile, EncryptPkcs8(key.ExportPkcs8(), ReadPassphrase(keys.Sm2KeyFile, keys.PassphraseFile)));
        File.AppendAllText(keys.Sm2PublicKeysFile, Convert.ToHexStringLower(key.PublicKey) + "\n", Encoding.ASCII);
        return (key, true);
    }

    private static Sm2NoteKey? LoadSm2(KeyDirectory keys) =>
        File.Exists(keys.Sm2KeyFile)
            ? Sm2NoteKey.ImportPkcs8(DecryptPkcs8(File.ReadAllText(keys.Sm2KeyFile), ReadPassphrase(keys.Sm2KeyFile, keys.PassphraseFile), "SM2 key"))
            : null;

    private static List<byte[]> HexLines(string file) =>
        File.Exists(file) ? [.. File.ReadAllLines(file).Where(l => l.Trim().Length > 0).Select(l => Convert.FromHexString(l.Trim()))] : [];

    /// <summary>
    /// Replaces the signing key: the old one moves, still encrypted, to the retired folder; the new
    /// one's public key is added to the history. Returns the new key.
    /// </summary>
    public static TreeHeadSigner Rotate(KeyDirectory keys, TreeHeadSigner next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(next);
        Directory.CreateDirectory(keys.RetiredFolder);
        var retired = Path.Combine(keys.RetiredFolder, "ledger-ed25519-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + ".p8.pem");
        File.Move(keys.SigningKeyFile, retired);
        Save(keys, next);
        return next;
    }

    /// <summary>The key as encrypted PKCS#8 in PEM.</summary>
    public static string Encrypt(TreeHeadSigner signer, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return EncryptPkcs8(signer.ExportPrivateKey(TreeHeadKeyFormat.Pkix), passphrase);
    }

    public static TreeHeadSigner Decrypt(string pem, string passphrase) =>
        TreeHeadSigner.Import(DecryptPkcs8(pem, passphrase, "signing key"), TreeHeadKeyFormat.Pkix);

    // Any PKCS#8 PrivateKeyInfo (Ed25519, SM2) encrypted with PBES2, readable by `openssl pkey`.
    private static string EncryptPkcs8(byte[] pkcs8, string passphrase)
    {
        var info = Pkcs8PrivateKeyInfo.Decode(pkcs8, out _);
        var encrypted = info.Encrypt(passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations));
        return new string(PemEncoding.Write(PemLabel, encrypted)) + "\n";
    }

    private static byte[] DecryptPkcs8(string pem, string passphrase, string what)
    {
        var fields = PemEncoding.Find(pem);
        if (pem[fields.Label] is not PemLabel)
        {
            throw new FormatException($"The {what} file is not an encrypted PKCS#8 key.");
        }

        try
        {
            return Pkcs8PrivateKeyInfo.DecryptAndDecode(passphrase, Convert.FromBase64String(pem[fields.Base64Data]), out _).Encode();
        }
        catch (CryptographicException)
        {
            throw new CryptographicException($"The {what} cannot be decrypted with the passphrase given (check --key-passphrase-file / {KeyDirectory.PassphraseVariable}).");
        }
    }

    /// <summary>
    /// An Ed25519 key in an encrypted PKCS#8 file (made, with a generated passphrase when the
    /// passphrase file is missing too, on first use) — the witness's key is kept the same way.
    /// </summary>
    public static TreeHeadSigner LoadOrCreateEncrypted(string keyFile, string passphraseFile)
    {
        if (File.Exists(keyFile))
        {
            return Decrypt(File.ReadAllText(keyFile), ReadPassphrase(keyFile, passphraseFile));
        }

        var signer = TreeHeadSigner.Create();
        SaveEncrypted(keyFile, passphraseFile, signer);
        return signer;
    }

    /// <summary>
    /// The certificate that encrypts the web application's data-protection keys (the keys behind its
    /// sign-in cookies and antiforgery tokens) at rest: an RSA key in a PKCS#12 file encrypted with the
    /// same passphrase as the signing key, made on first use. Whoever reads the key folder without the
    /// passphrase cannot forge a sign-in.
    /// </summary>
    public static X509Certificate2 LoadOrCreateDataProtectionCertificate(KeyDirectory keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        keys.EnsureCreated();
        var file = keys.DataProtectionCertificateFile;
        EnsurePassphrase(keys.PassphraseFile);
        var passphrase = ReadPassphrase(file, keys.PassphraseFile);
        if (!File.Exists(file))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Fenquan data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
            var pfx = made.Export(X509ContentType.Pkcs12, passphrase);
            var temporary = file + ".tmp";
            File.WriteAllBytes(temporary, pfx);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, file, overwrite: false);
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, passphrase, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new CryptographicException($"The data-protection certificate {file} cannot be opened with the passphrase given (check --key-passphrase-file / {KeyDirectory.PassphraseVariable}).");
        }
    }

    private static string ReadPassphrase(string keyFile, string passphraseFile)
    {
        if (!File.Exists(passphraseFile))
        {
            throw new FileNotFoundException($"The key {keyFile} is encrypted and its passphrase file {passphraseFile} is missing: pass --key-passphrase-file or set {KeyDirectory.PassphraseVariable}.");
        }

        return File.ReadAllText(passphraseFile).TrimEnd('\r', '\n');
    }

    private static string ReadPassphrase(KeyDirectory keys) => ReadPassphrase(keys.SigningKeyFile, keys.PassphraseFile);

    private static void SaveEncrypted(string keyFile, string passphraseFile, TreeHeadSigner signer)
    {
        EnsurePassphrase(passphraseFile);
        WritePrivate(keyFile, Encrypt(signer, ReadPassphrase(keyFile, passphraseFile)));
    }

    private static void EnsurePassphrase(string passphraseFile)
    {
        if (!File.Exists(passphraseFile))
        {
            // No passphrase supplied: make one (the demo's way; see docs/transparency.md for its limits).
            WritePrivate(passphraseFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        }
    }

    private static void Save(KeyDirectory keys, TreeHeadSigner signer)
    {
        SaveEncrypted(keys.SigningKeyFile, keys.PassphraseFile, signer);
        File.AppendAllText(keys.PublicKeysFile, Convert.ToHexStringLower(signer.PublicKey) + "\n", Encoding.ASCII);
    }

    private static void WritePrivate(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, Encoding.ASCII);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: false);
    }
}

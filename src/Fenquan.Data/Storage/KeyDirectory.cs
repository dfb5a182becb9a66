namespace Fenquan.Data.Storage;

/// <summary>
/// Where the log's signing key, its history and the data-protection keys live (R44): outside the data
/// folder, so a copied data folder or backup carries no usable key. <c>--keys DIR</c>, else
/// FENQUAN_KEYS, else a folder beside the data folder named after it (<c>./data</c> → <c>./data-keys</c>).
/// The signing key is encrypted at rest (encrypted PKCS#8) with the passphrase in the file given by
/// <c>--key-passphrase-file</c> / FENQUAN_KEY_PASSPHRASE_FILE, else one generated in this folder.
/// </summary>
public sealed class KeyDirectory
{
    public const string EnvironmentVariable = "FENQUAN_KEYS";

    public const string PassphraseVariable = "FENQUAN_KEY_PASSPHRASE_FILE";

    private KeyDirectory(string root, string passphraseFile)
    {
        Root = root;
        PassphraseFile = passphraseFile;
    }

    public string Root { get; }

    /// <summary>The file holding the passphrase that encrypts the signing key.</summary>
    public string PassphraseFile { get; }

    /// <summary>The log's Ed25519 signing key, PEM "ENCRYPTED PRIVATE KEY".</summary>
    public string SigningKeyFile => Path.Combine(Root, "ledger-ed25519.p8.pem");

    /// <summary>The log's SM2 key (encrypted PKCS#8), present once the operator adds an SM2 line to checkpoints.</summary>
    public string Sm2KeyFile => Path.Combine(Root, "ledger-sm2.p8.pem");

    /// <summary>Every SM2 public key the log has signed checkpoints with, oldest first, hex, one a line.</summary>
    public string Sm2PublicKeysFile => Path.Combine(Root, "ledger-sm2.pub");

    /// <summary>Every public key the log has signed with, oldest first, hex, one a line.</summary>
    public string PublicKeysFile => Path.Combine(Root, "ledger-ed25519.pub");

    /// <summary>Keys replaced by a rotation, kept encrypted.</summary>
    public string RetiredFolder => Path.Combine(Root, "retired");

    public string DataProtectionFolder => Path.Combine(Root, "data-protection");

    /// <summary>The certificate (PKCS#12, passphrase-encrypted) that encrypts the data-protection keys at rest.</summary>
    public string DataProtectionCertificateFile => Path.Combine(Root, "data-protection.pfx");

    /// <summary>Chooses the folder by the rule above; does not create it.</summary>
    public static KeyDirectory Resolve(DataDirectory data, string? option = null, string? passphraseFile = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : data.Root.TrimEnd(Path.DirectorySeparatorChar) + "-keys";
        var root = Path.GetFullPath(chosen);
        var passphrase = !string.IsNullOrWhiteSpace(passphraseFile) ? passphraseFile
            : environment(PassphraseVariable) is { Length: > 0 } fromVariable ? fromVariable
            : Path.Combine(root, "ledger-key.passphrase");
        return new KeyDirectory(root, Path.GetFullPath(passphrase));
    }

    public KeyDirectory EnsureCreated()
    {
        var folder = Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        return this;
    }
}

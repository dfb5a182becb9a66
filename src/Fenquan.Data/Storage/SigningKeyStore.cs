using Fenquan.Core.Ledger;

namespace Fenquan.Data.Storage;

/// <summary>
/// The ledger's Ed25519 signing key lives in the data folder, outside the database (R44): someone
/// who can edit the database cannot sign a forged tree head. The public key is written beside it
/// (hex) so that anyone entitled can verify.
/// </summary>
public static class SigningKeyStore
{
    public static TreeHeadSigner LoadOrCreate(DataDirectory data)
    {
        data.EnsureCreated();
        if (File.Exists(data.SigningKeyFile))
        {
            return TreeHeadSigner.Import(File.ReadAllBytes(data.SigningKeyFile), TreeHeadKeyFormat.Pkix);
        }

        var signer = TreeHeadSigner.Create();
        var temporary = data.SigningKeyFile + ".tmp";
        File.WriteAllBytes(temporary, signer.ExportPrivateKey(TreeHeadKeyFormat.Pkix));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, data.SigningKeyFile, overwrite: false);
        File.WriteAllText(PublicKeyFile(data), Convert.ToHexStringLower(signer.PublicKey) + "\n");
        return signer;
    }

    /// <summary>The public key, for verification without the private key.</summary>
    public static byte[]? LoadPublicKey(DataDirectory data)
    {
        var file = PublicKeyFile(data);
        if (File.Exists(file))
        {
            return Convert.FromHexString(File.ReadAllText(file).Trim());
        }

        if (!File.Exists(data.SigningKeyFile))
        {
            return null;
        }

        using var signer = TreeHeadSigner.Import(File.ReadAllBytes(data.SigningKeyFile), TreeHeadKeyFormat.Pkix);
        return signer.PublicKey;
    }

    public static string PublicKeyFile(DataDirectory data) => Path.Combine(data.KeysFolder, "ledger-ed25519.pub");
}

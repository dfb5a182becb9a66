using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Fenquan.Core.Ledger;

/// <summary>
/// An SM2 key for a checkpoint's second signature line (GB/T 32918 signatures with the SM3 digest,
/// as 密评 under GB/T 39786 expects of Chinese commercial cryptography). The log's Ed25519 line stays
/// for interoperability; verifiers that do not know this key skip its line (C2SP signed-note).
/// SM2 comes from BouncyCastle: .NET has no SM2 of its own. Signatures use the standard's default
/// distinguishing identifier <c>1234567812345678</c> and are encoded as 64 bytes, r ‖ s.
/// </summary>
public sealed class Sm2NoteKey
{
    /// <summary>GB/T 35276's default user identifier, used when none is agreed.</summary>
    public static readonly byte[] DefaultUserId = "1234567812345678"u8.ToArray();

    /// <summary>The length of a signature: r ‖ s, 32 bytes each.</summary>
    public const int SignatureSize = 64;

    /// <summary>The length of an uncompressed public key: 0x04 ‖ x ‖ y.</summary>
    public const int PublicKeySize = 65;

    private static readonly ECDomainParameters Curve = new(GMNamedCurves.GetByName("sm2p256v1"));

    private readonly ECPrivateKeyParameters _private;

    private Sm2NoteKey(ECPrivateKeyParameters key)
    {
        _private = key;
        PublicKey = Curve.G.Multiply(key.D).Normalize().GetEncoded(compressed: false);
    }

    /// <summary>The 65-byte uncompressed public key (0x04 ‖ x ‖ y).</summary>
    public byte[] PublicKey { get; }

    /// <summary>A new random key.</summary>
    public static Sm2NoteKey Create()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        return new Sm2NoteKey((ECPrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    /// <summary>The private key as PKCS#8 PrivateKeyInfo (DER; id-ecPublicKey on sm2p256v1), as OpenSSL reads it.</summary>
    public byte[] ExportPkcs8()
    {
        var named = new ECPrivateKeyParameters("EC", _private.D, GMObjectIdentifiers.sm2p256v1);
        return PrivateKeyInfoFactory.CreatePrivateKeyInfo(named).GetDerEncoded();
    }

    /// <summary>Loads a key exported by <see cref="ExportPkcs8"/> (or by OpenSSL for an SM2 key).</summary>
    public static Sm2NoteKey ImportPkcs8(byte[] pkcs8)
    {
        ArgumentNullException.ThrowIfNull(pkcs8);
        try
        {
            if (PrivateKeyFactory.CreateKey(pkcs8) is ECPrivateKeyParameters key && key.Parameters.Curve.Equals(Curve.Curve))
            {
                return new Sm2NoteKey(new ECPrivateKeyParameters(key.D, Curve));
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidCastException or IOException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            throw new FormatException("The SM2 key is not a PKCS#8 SM2 private key.", exception);
        }

        throw new FormatException("The SM2 key is not a PKCS#8 SM2 private key.");
    }

    /// <summary>An SM2/SM3 signature of <paramref name="message"/>, 64 bytes r ‖ s.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_private, new SecureRandom()), DefaultUserId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Whether <paramref name="signature"/> (r ‖ s) is a valid SM2/SM3 signature of <paramref name="message"/> by <paramref name="publicKey"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }

        ECPublicKeyParameters key;
        try
        {
            key = new ECPublicKeyParameters(Curve.Curve.DecodePoint(publicKey.ToArray()), Curve);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var verifier = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        verifier.Init(false, new ParametersWithID(key, DefaultUserId));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>Whether <paramref name="publicKey"/> is a point of the SM2 curve in uncompressed form.</summary>
    public static bool IsPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize || publicKey[0] != 0x04)
        {
            return false;
        }

        try
        {
            return Curve.Curve.DecodePoint(publicKey.ToArray()).IsValid();
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

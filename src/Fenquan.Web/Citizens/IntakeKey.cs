using System.Net;
using System.Security.Cryptography;

namespace Fenquan.Web.Citizens;

/// <summary>
/// The rate limiter's partition for public intake: an HMAC of the client address under a key made at
/// start and never written anywhere, so not even the limiter's memory holds the address itself, and
/// nothing of it reaches the database.
/// </summary>
public static class IntakeKey
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Of(IPAddress? address) =>
        address is null ? "local" : Convert.ToHexString(HMACSHA256.HashData(Key, address.GetAddressBytes()), 0, 16);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fenquan.Web.Notifications;

/// <summary>
/// The outbound webhook's signature, as common webhook schemes make it: HMAC-SHA256 with the
/// county's secret over "{timestamp}.{body}", sent as <c>X-Fenquan-Timestamp</c> (Unix seconds) and
/// <c>X-Fenquan-Signature: sha256={hex}</c>. The receiver recomputes it and refuses an old timestamp,
/// so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Fenquan-Timestamp";

    public const string SignatureHeader = "X-Fenquan-Signature";

    public static string Timestamp(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}

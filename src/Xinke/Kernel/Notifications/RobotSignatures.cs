using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Xinke.Kernel.Notifications;

/// <summary>
/// The signatures the chat robots require on webhook calls, as their platforms document them.
/// DingTalk: HMAC-SHA256 keyed with the secret over "timestamp\nsecret", base64, then URL-encoded
/// into the query (timestamp in milliseconds). Feishu: HMAC-SHA256 keyed with "timestamp\nsecret"
/// over an empty message, base64, sent in the body (timestamp in seconds).
/// </summary>
public static class RobotSignatures
{
    public static string DingTalk(string secret, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var text = string.Create(CultureInfo.InvariantCulture, $"{timestampMilliseconds}\n{secret}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
        return Uri.EscapeDataString(Convert.ToBase64String(mac));
    }

    public static string Feishu(string secret, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = string.Create(CultureInfo.InvariantCulture, $"{timestampSeconds}\n{secret}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>());
        return Convert.ToBase64String(mac);
    }
}

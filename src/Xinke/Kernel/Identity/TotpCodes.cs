using OtpNet;

namespace Xinke.Kernel.Identity;

/// <summary>RFC 6238 codes (30 s, 6 digits, SHA-1: what every authenticator app reads) on Xinke's clock.</summary>
public sealed class TotpCodes(TimeProvider clock)
{
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public static string UriOf(string issuer, string userName, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";

    /// <summary>The time step the code belongs to (one step of clock drift either way), or null.</summary>
    public long? Match(string secret, string? code)
    {
        ArgumentNullException.ThrowIfNull(secret);
        code = code?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }
}

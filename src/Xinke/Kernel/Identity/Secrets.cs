using System.Security.Cryptography;
using System.Text;

namespace Xinke.Kernel.Identity;

/// <summary>Random secrets and their stored form.</summary>
public static class Secrets
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-=?@";

    /// <summary>A one-time password that satisfies any policy this installation can be set to: all four classes, 16 characters.</summary>
    public static string OneTimePassword()
    {
        var all = Lower + Upper + Digits + Symbols;
        var chars = new List<char>
        {
            Lower[RandomNumberGenerator.GetInt32(Lower.Length)],
            Upper[RandomNumberGenerator.GetInt32(Upper.Length)],
            Digits[RandomNumberGenerator.GetInt32(Digits.Length)],
            Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars));
        return new string([.. chars]);
    }

    public static string Token(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 in hex: enough for high-entropy secrets (tokens, session keys, recovery codes) under lockout.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

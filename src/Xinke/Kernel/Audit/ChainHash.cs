using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Xinke.Kernel.Audit;

/// <summary>The chain's hash function: SM3 (GB/T 32905) by default, SHA-256 where chosen at installation.</summary>
public static class ChainHash
{
    public const string Sm3 = "sm3";
    public const string Sha256 = "sha256";

    /// <summary>The previous hash of the first event: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static bool IsKnown(string algorithm) => algorithm is Sm3 or Sha256;

    public static string Compute(string algorithm, ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        if (algorithm == Sha256)
        {
            SHA256.HashData(data, digest);
        }
        else if (algorithm == Sm3)
        {
            var sm3 = new SM3Digest();
            sm3.BlockUpdate(data);
            sm3.DoFinal(digest);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown chain hash.");
        }

        return Convert.ToHexStringLower(digest);
    }
}

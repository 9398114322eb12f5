using Org.BouncyCastle.Crypto.Digests;

namespace Xinke.Kernel.Files;

/// <summary>SM3 (GB/T 32905) over bytes fed in pieces: the content hash of an attachment as it streams past.</summary>
public sealed class Sm3Hasher
{
    private readonly SM3Digest digest = new();

    public void Append(ReadOnlySpan<byte> data) => digest.BlockUpdate(data);

    public string HexDigest()
    {
        Span<byte> result = stackalloc byte[32];
        digest.DoFinal(result);
        return Convert.ToHexStringLower(result);
    }

    public static async Task<string> OfAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var hasher = new Sm3Hasher();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hasher.Append(buffer.AsSpan(0, read));
        }

        return hasher.HexDigest();
    }
}

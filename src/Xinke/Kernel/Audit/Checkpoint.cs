using System.Globalization;
using System.Text;

namespace Xinke.Kernel.Audit;

/// <summary>A signed statement "the chain had this hash at this sequence", written outside the database.</summary>
public sealed record Checkpoint(long Sequence, string Hash, string Algorithm, DateTime CreatedAt, string PublicKey, string Signature)
{
    public byte[] SignedBytes() => Message(Sequence, Hash, Algorithm, CreatedAt);

    public static byte[] Message(long sequence, string hash, string algorithm, DateTime createdAt) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"xinke-audit-checkpoint\n{sequence}\n{hash}\n{algorithm}\n{createdAt:O}"));

    public ChainPoint Point => new(Sequence, Hash);
}

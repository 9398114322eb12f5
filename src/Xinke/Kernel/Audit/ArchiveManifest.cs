using System.Globalization;
using System.Text;

namespace Xinke.Kernel.Audit;

/// <summary>
/// What an archive holds: events <see cref="FirstSequence"/> to <see cref="LastSequence"/>, the
/// hash of the last (where the chain in the database continues), and the SM3 digest of the
/// events file, signed with the installation's key.
/// </summary>
public sealed record ArchiveManifest(
    long FirstSequence,
    long LastSequence,
    string LastHash,
    string PreviousHash,
    string Algorithm,
    long Count,
    string EventsSm3,
    DateTime CreatedAt,
    string PublicKey,
    string Signature)
{
    public const string EventsEntry = "events.jsonl";
    public const string ManifestEntry = "manifest.json";

    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $"xinke-audit-archive\n{FirstSequence}\n{LastSequence}\n{LastHash}\n{PreviousHash}\n{Algorithm}\n{Count}\n{EventsSm3}\n{CreatedAt:O}"));

    public ChainPoint End => new(LastSequence, LastHash);
}

using System.Text.Json;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// What a pack holds: its period, selection and exporter, the audit chain head when it was
/// exported, and every other file of the pack with its SM3 digest (lowercase hex, as
/// <c>openssl dgst -sm3</c> prints it). <see cref="SignatureEntry"/> is the installation key's
/// SM2 signature over the exact bytes of <see cref="ManifestEntry"/>.
/// </summary>
public sealed record PackManifest(
    string Format,
    string Hospital,
    DateOnly From,
    DateOnly To,
    long? DepartmentId,
    IReadOnlyList<string> RequirementIds,
    DateTime ExportedAt,
    string ExportedBy,
    PackChainHead AuditChainHead,
    IReadOnlyList<PackFile> Files)
{
    public const string CurrentFormat = "xinke-evidence-pack/1";
    public const string ManifestEntry = "manifest.json";
    public const string SignatureEntry = "manifest.sig";
    public const string PublicKeyEntry = "public-key.pem";
    public const string IndexEntry = "index.html";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The files that prove the others and so cannot be listed in the manifest.</summary>
    public static IReadOnlySet<string> SealEntries { get; } = new HashSet<string>(StringComparer.Ordinal) { ManifestEntry, SignatureEntry, PublicKeyEntry };

    public static string RecordsEntry(string requirementId) => $"records/{requirementId}.xlsx";
}

/// <summary>The last sequence and hash of the audit chain at export time (0 and empty when the chain is empty).</summary>
public sealed record PackChainHead(long Sequence, string Hash);

public sealed record PackFile(string Path, string Sm3, long Size);

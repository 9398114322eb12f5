using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel.Audit;

/// <summary><c>Xinke:Audit</c>.</summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string Section = "Xinke:Audit";

    /// <summary>Cybersecurity Law art. 21: network logs are kept for at least six months.</summary>
    public const int MinimumRetentionDays = 183;

    /// <summary>sm3 (default) or sha256; fixed by the first event written.</summary>
    [Required]
    public string HashAlgorithm { get; set; } = ChainHash.Sm3;

    [Range(MinimumRetentionDays, 36500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>A signed checkpoint is written after this many events (and at least daily).</summary>
    [Range(1, 10_000_000)]
    public int CheckpointEvery { get; set; } = 10_000;

    /// <summary>Where checkpoints are written: meant for external or write-once media. Default: data/audit-checkpoints.</summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>Where <c>audit archive</c> writes signed archives of events past the retention. Default: data/audit-archives.</summary>
    public string? ArchiveFolder { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ChainHash.IsKnown(HashAlgorithm))
        {
            yield return new ValidationResult($"Xinke:Audit:HashAlgorithm must be {ChainHash.Sm3} or {ChainHash.Sha256}.", [nameof(HashAlgorithm)]);
        }
    }
}

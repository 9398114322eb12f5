using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Evidence.Packs;

public enum EvidencePackStatus
{
    Queued,
    Running,
    Ready,
    Failed,
    Expired,
}

/// <summary>
/// A pack someone asked for: what it covers, who asked, how far it got, and (once ready) the
/// file kept in the packs folder until the retention ends. The requirement IDs are kept as one
/// comma-separated text: they are only ever read back whole.
/// </summary>
public sealed class EvidencePack
{
    public const int RequestedByMaxLength = 200;
    public const int RequirementIdsMaxLength = 2000;
    public const int FailureMaxLength = 500;

    public long Id { get; set; }

    public long? RequestedById { get; set; }

    public required string RequestedBy { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public long? DepartmentId { get; set; }

    public string RequirementIds { get; set; } = string.Empty;

    public EvidencePackStatus Status { get; set; }

    public int Done { get; set; }

    public int Total { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public string? ManifestSm3 { get; set; }

    public long? Size { get; set; }

    public string? Failure { get; set; }

    public string FileName => $"evidence-pack-{Id}.zip";

    public PackRequest Request => new(From, To, RequirementIds.Length == 0 ? [] : RequirementIds.Split(','), DepartmentId);

    public Actor Requester => new(RequestedById, RequestedBy);
}

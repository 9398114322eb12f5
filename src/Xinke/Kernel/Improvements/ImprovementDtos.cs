namespace Xinke.Kernel.Improvements;

public sealed record ImprovementSourceDto(ImprovementSourceKind Kind, string? Module, string? Entity, long? Id, string? Label);

public sealed record ImprovementDto(
    long Id,
    string Code,
    ImprovementSourceDto Source,
    string Description,
    long OwnerId,
    long? DepartmentId,
    DateOnly DueDate,
    ImprovementStatus Status,
    bool Overdue,
    string? Evidence,
    IReadOnlyList<long> EvidenceAttachmentIds,
    long? SubmittedById,
    DateTime? SubmittedAt,
    long? VerifiedById,
    DateTime? VerifiedAt,
    string? ReopenReason,
    string? CancelReason,
    DateTime CreatedAt,
    long Version)
{
    public static ImprovementDto From(ImprovementAction a, DateOnly today) => new(
        a.Id,
        a.Code,
        new(a.SourceKind, a.SourceModule, a.SourceEntity, a.SourceId, a.SourceLabel),
        a.Description,
        a.OwnerId,
        a.DepartmentId,
        a.DueDate,
        a.Status,
        a.IsOverdueOn(today),
        a.Evidence,
        a.EvidenceAttachmentIds,
        a.SubmittedById,
        a.SubmittedAt,
        a.VerifiedById,
        a.VerifiedAt,
        a.ReopenReason,
        a.CancelReason,
        a.CreatedAt,
        a.Version);
}

public sealed record ImprovementInput(ImprovementSourceDto? Source, string? Description, long? OwnerId, DateOnly? DueDate, long? DepartmentId);

public sealed record ImprovementPatch(string? Description, long? OwnerId, DateOnly? DueDate);

public sealed record SubmitInput(string? Evidence, IReadOnlyList<long>? AttachmentIds);

public sealed record ReasonInput(string? Reason);

/// <summary>
/// The register's filters: <c>?status=&amp;source=&amp;ownerId=&amp;overdue=</c> besides the list's own.
/// Status and source are taken as text, in any case, so the camelCase names the JSON uses work.
/// </summary>
public sealed record ImprovementFilter(string? Status = null, string? Source = null, long? OwnerId = null, bool? Overdue = null);

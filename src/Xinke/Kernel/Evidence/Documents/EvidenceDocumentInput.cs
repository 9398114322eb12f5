namespace Xinke.Kernel.Evidence.Documents;

/// <summary>What is written of a document, on creation and, merged with the current values, on edit.</summary>
public sealed record EvidenceDocumentInput(
    string? Title,
    EvidenceDocumentKind? Kind,
    IReadOnlyList<string>? RequirementIds,
    DateOnly? CoversFrom,
    DateOnly? CoversTo,
    DateOnly? ExpiresOn,
    long? OwnerAccountId,
    long? DepartmentId,
    string? Note);

public sealed record EvidenceDocumentDto(
    long Id, string Code, string Title, EvidenceDocumentKind Kind, IReadOnlyList<string> RequirementIds, DateOnly CoversFrom, DateOnly? CoversTo,
    DateOnly? ExpiresOn, bool Expired, long OwnerAccountId, long? DepartmentId, string? Note, long? CurrentRevisionId, string? CurrentSm3, int Revisions, long Version)
{
    public static EvidenceDocumentDto From(EvidenceDocument document, DateOnly today, EvidenceDocumentRevisions revisions)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(revisions);
        return new EvidenceDocumentDto(
            document.Id, document.Code, document.Title, document.Kind, [.. document.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal)],
            document.CoversFrom, document.CoversTo, document.ExpiresOn, !document.CountsOn(today), document.OwnerAccountId, document.DepartmentId, document.Note,
            revisions.CurrentId, revisions.CurrentSm3, revisions.Count, document.Version);
    }
}

/// <summary>A document's revisions as its attachments hold them: the newest not voided one is current.</summary>
public sealed record EvidenceDocumentRevisions(long? CurrentId, string? CurrentSm3, int Count)
{
    public static readonly EvidenceDocumentRevisions None = new(null, null, 0);
}

namespace Xinke.Modules.Staff.Agreements;

public sealed record VersionInput(string? Title, string? Body, DateOnly? EffectiveFrom);

public sealed record ScanInput(long? PersonId, long? VersionId, long? AttachmentId, DateOnly? SignedOn);

/// <summary>The acceptances list's filters: <c>?personId=&amp;versionId=&amp;method=&amp;departmentId=</c>.</summary>
public sealed record AcceptanceFilter(long? PersonId = null, long? VersionId = null, string? Method = null, long? DepartmentId = null);

public sealed record AgreementVersionDto(long Id, AgreementKind Kind, int Number, string Title, string Body, DateOnly EffectiveFrom, DateTime PublishedAt, bool Current)
{
    public static AgreementVersionDto From(AgreementVersion v, long? currentId) =>
        new(v.Id, v.Kind, v.Number, v.Title, v.Body, v.EffectiveFrom, v.PublishedAt, v.Id == currentId);
}

public sealed record AcceptanceDto(long Id, long PersonId, long DepartmentId, long VersionId, AcceptanceMethod Method, DateTime AcceptedAt, string? Address, long? AttachmentId, long? RecordedById, DateTime RecordedAt)
{
    public static AcceptanceDto From(AgreementAcceptance a) =>
        new(a.Id, a.PersonId, a.DepartmentId, a.VersionId, a.Method, a.AcceptedAt, a.Address, a.AttachmentId, a.RecordedById, a.RecordedAt);
}

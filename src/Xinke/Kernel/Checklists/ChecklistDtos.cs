using Xinke.Kernel.Improvements;

namespace Xinke.Kernel.Checklists;

public sealed record ChecklistItemDto(long Id, int Position, string Label, ChecklistItemType Type, decimal? Minimum, decimal? Maximum, string? Unit, bool ExpectedYes, string? ExpectedText, bool PhotoRequired, bool Required)
{
    public static ChecklistItemDto From(ChecklistItem i) => new(i.Id, i.Position, i.Label, i.Type, i.Minimum, i.Maximum, i.Unit, i.ExpectedYes, i.ExpectedText, i.PhotoRequired, i.Required);
}

public sealed record ChecklistTemplateDto(long Id, string Code, string Name, ChecklistKind Kind, string? Description, int Revision, long? FindingOwnerId, int FindingDueDays, bool Retired, long Version, IReadOnlyList<ChecklistItemDto>? Items)
{
    public static ChecklistTemplateDto From(ChecklistTemplate t, ChecklistTemplateRevision? revision = null) =>
        new(t.Id, t.Code, t.Name, t.Kind, t.Description, revision?.Number ?? t.Revision, t.FindingOwnerId, t.FindingDueDays, t.Retired, t.Version, revision?.Items.OrderBy(i => i.Position).Select(ChecklistItemDto.From).ToList());
}

public sealed record ChecklistReadingDto(long ItemId, string? Value, bool Ok, string? Note, long? PhotoAttachmentId, long RecordedById, DateTime RecordedAt, long? FindingId)
{
    public static ChecklistReadingDto From(ChecklistReading r) => new(r.ItemId, r.Value, r.Ok, r.Note, r.PhotoAttachmentId, r.RecordedById, r.RecordedAt, r.FindingId);
}

public sealed record ChecklistSubjectDto(string Type, long? Id, string Label, long? DepartmentId);

public sealed record ChecklistRunDto(long Id, string Code, long TemplateId, long RevisionId, ChecklistSubjectDto Subject, string? Location, long PerformedById, DateTime StartedAt, DateTime? CompletedAt, ChecklistRunState State, long Version, IReadOnlyList<ChecklistReadingDto>? Readings)
{
    public static ChecklistRunDto From(ChecklistRun r, bool withReadings = false) =>
        new(r.Id, r.Code, r.TemplateId, r.RevisionId, new(r.SubjectType, r.SubjectId, r.SubjectLabel, r.DepartmentId), r.Location, r.PerformedById, r.StartedAt, r.CompletedAt, r.State, r.Version, withReadings ? [.. r.Readings.OrderBy(x => x.ItemId).Select(ChecklistReadingDto.From)] : null);
}

public sealed record FindingDto(long Id, string Code, long? ItemId, string Description, long OwnerId, DateOnly DueDate);

public sealed record CompletionDto(ChecklistRunDto Run, IReadOnlyList<FindingDto> Findings);

public sealed record StartRunInput(string? TemplateCode, ChecklistSubjectDto? Subject, string? Location);

public sealed record ReadingsInput(IReadOnlyList<ReadingInput>? Readings);

/// <summary>The runs list's filters besides the list's own: <c>?templateId=&amp;state=&amp;subjectType=</c> (state in any case).</summary>
public sealed record RunFilter(long? TemplateId = null, string? State = null, string? SubjectType = null);

internal static class FindingDtos
{
    public static FindingDto From(ImprovementAction a, ChecklistRun run) =>
        new(a.Id, a.Code, run.Readings.FirstOrDefault(r => r.FindingId == a.Id)?.ItemId, a.Description, a.OwnerId, a.DueDate);
}

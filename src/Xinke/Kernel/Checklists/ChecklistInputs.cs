namespace Xinke.Kernel.Checklists;

public sealed record ItemInput(
    string? Label,
    ChecklistItemType? Type,
    decimal? Minimum = null,
    decimal? Maximum = null,
    string? Unit = null,
    bool? ExpectedYes = null,
    string? ExpectedText = null,
    bool? PhotoRequired = null,
    bool? Required = null);

public sealed record TemplateInput(string? Code, string? Name, ChecklistKind? Kind, string? Description, long? FindingOwnerId, int? FindingDueDays, IReadOnlyList<ItemInput>? Items);

/// <summary>The changed fields of a template; <c>items</c>, when given, replace the items in a new revision.</summary>
public sealed record TemplatePatch(string? Name, ChecklistKind? Kind, string? Description, long? FindingOwnerId, int? FindingDueDays, bool? Retired, IReadOnlyList<ItemInput>? Items);

/// <summary>A template with the items of one of its revisions.</summary>
public sealed record TemplateView(ChecklistTemplate Template, ChecklistTemplateRevision Revision);

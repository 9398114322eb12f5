using Xinke.Kernel.Checklists;
using Xinke.Kernel.Obligations;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// A plan: a title, what it covers (a type or one asset), the checklist template followed, and the
/// obligation fields (schedule as a cron expression or an RRULE, owner <c>role:</c>/<c>person:</c>/<c>department:</c>, grace hours).
/// </summary>
public sealed record MaintenancePlanInput(
    string? Title,
    long? AssetTypeId,
    long? AssetId,
    string? ChecklistTemplateCode,
    ScheduleKind? ScheduleKind,
    string? Schedule,
    OwnerKind? OwnerKind,
    string? Owner,
    int? GraceHours,
    DateTimeOffset? EffectiveFrom,
    bool? Active);

/// <summary>One maintenance done: the assets maintained, the checklist answers, the result and notes (required when it failed); done now.</summary>
public sealed record MaintenanceRecordInput(
    IReadOnlyList<long>? AssetIds,
    IReadOnlyList<ReadingInput>? Answers,
    string? Result,
    string? Notes);

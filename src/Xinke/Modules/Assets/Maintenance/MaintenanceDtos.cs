using Xinke.Kernel.Obligations;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>A plan with its obligation's schedule, owner and grace.</summary>
public sealed record MaintenancePlanDto(
    long Id,
    string Title,
    long? AssetTypeId,
    long? AssetId,
    long ChecklistTemplateId,
    string ChecklistTemplateCode,
    long ObligationId,
    ScheduleKind ScheduleKind,
    string Schedule,
    OwnerKind OwnerKind,
    string Owner,
    int GraceHours,
    bool Active,
    DateTime CreatedAt,
    long Version)
{
    public static MaintenancePlanDto From(MaintenancePlan p, Obligation o, string templateCode)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(o);
        return new(p.Id, p.Title, p.AssetTypeId, p.AssetId, p.ChecklistTemplateId, templateCode, p.ObligationId, o.ScheduleKind, o.Schedule, o.OwnerKind, o.Owner, o.GraceHours, o.Active, p.CreatedAt, p.Version);
    }
}

public sealed record MaintenanceRecordDto(
    long Id,
    string Code,
    long PlanId,
    long ChecklistRunId,
    string Result,
    string? Notes,
    DateTime PerformedAt,
    long PerformedById,
    IReadOnlyList<long> AssetIds,
    long Version)
{
    public static MaintenanceRecordDto From(MaintenanceRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Code, r.PlanId, r.ChecklistRunId, Wire(r.Result), r.Notes, r.PerformedAt, r.PerformedById, [.. r.Assets.Select(a => a.AssetId).Order()], r.Version);
    }

    /// <summary><c>ok</c>, <c>issues</c> or <c>failed</c>, as the input takes it.</summary>
    public static string Wire(MaintenanceResult result) => result.ToString().ToLowerInvariant();

    /// <summary>The result named by <paramref name="text"/> in any case; null for anything else, numbers included.</summary>
    public static MaintenanceResult? ParseResult(string? text) =>
        !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse<MaintenanceResult>(text, ignoreCase: true, out var result) ? result : null;
}

using Xinke.Data;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// One maintenance done under a plan (EQ-04): a checklist run covering the assets maintained, its
/// result and notes. Reported to the plan's obligation as evidence when stored; never edited.
/// </summary>
public sealed class MaintenanceRecord : IVersioned
{
    public const string CodeKind = "WH";
    public const int NotesMaxLength = 2000;
    public const int MaxAssets = 500;

    public long Id { get; set; }

    public required string Code { get; set; }

    public long PlanId { get; set; }

    public long ChecklistRunId { get; set; }

    public MaintenanceResult Result { get; set; }

    public string? Notes { get; set; }

    public DateTime PerformedAt { get; set; }

    public long PerformedById { get; set; }

    public long Version { get; set; }

    public List<MaintenanceRecordAsset> Assets { get; set; } = [];
}

/// <summary>One asset a maintenance record covers.</summary>
public sealed class MaintenanceRecordAsset
{
    public long RecordId { get; set; }

    public long AssetId { get; set; }
}

public enum MaintenanceResult
{
    Ok,
    Issues,
    Failed,
}

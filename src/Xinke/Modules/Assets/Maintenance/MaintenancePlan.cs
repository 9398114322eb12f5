using Xinke.Data;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// A maintenance plan (EQ-04): the checklist that maintaining a device follows, for every asset of
/// one type or for one asset. Its schedule, owner and grace live in the kernel obligation the plan
/// is (<see cref="ObligationId"/>), so late and missed periods show in the obligations calendar and
/// the compliance view like every other recurring duty.
/// </summary>
public sealed class MaintenancePlan : IVersioned
{
    public const int TitleMaxLength = 200;

    /// <summary>What a record of this plan reports to the obligations: its subject is the plan.</summary>
    public const string EvidenceKind = "assets.maintenance";

    public const string SubjectType = "maintenance-plan";

    public long Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Every asset of this type is covered; null when the plan is for one asset.</summary>
    public long? AssetTypeId { get; set; }

    /// <summary>The one asset covered; null when the plan is for a type.</summary>
    public long? AssetId { get; set; }

    public long ChecklistTemplateId { get; set; }

    public long ObligationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Whether maintaining <paramref name="assetId"/> of type <paramref name="typeId"/> is a record of this plan.</summary>
    public bool Covers(long assetId, long typeId) => AssetId is { } asset ? asset == assetId : AssetTypeId == typeId;
}

using Xinke.Data;

namespace Xinke.Modules.Systems;

/// <summary>
/// An entry of the information-system register (信息系统台账): HIS, EMR, PACS, LIS… Later modules
/// name systems from here: trainings on system use, backups and their targets, faults, changes.
/// </summary>
public sealed class InformationSystem : IVersioned
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int VendorMaxLength = 100;
    public const int FilingNumberMaxLength = 64;
    public const int DescriptionMaxLength = 2000;

    public long Id { get; set; }

    /// <summary>The short name the hospital uses (HIS, EMR), unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public long OwnerDepartmentId { get; set; }

    public string? Vendor { get; set; }

    /// <summary>Classified-protection level (等级保护), 1 to 4.</summary>
    public int ProtectionLevel { get; set; }

    /// <summary>The public-security filing number (备案编号) of the level.</summary>
    public string? FilingNumber { get; set; }

    public DateOnly? LastAssessedOn { get; set; }

    public DataClasses DataClasses { get; set; }

    public bool HoldsPersonalData { get; set; }

    public bool HoldsHealthData { get; set; }

    public SystemCriticality Criticality { get; set; }

    /// <summary>Recovery time objective, in minutes.</summary>
    public int RtoMinutes { get; set; }

    /// <summary>Recovery point objective, in minutes.</summary>
    public int RpoMinutes { get; set; }

    public SystemStatus Status { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Critical systems are served around the clock: their SLAs and duties use the 7x24 calendar.</summary>
    public bool RunsAroundTheClock => Criticality == SystemCriticality.Critical;
}

namespace Xinke.Modules.Systems;

/// <summary>What other modules learn of a registered information system.</summary>
public sealed record SystemSummary(
    long Id,
    string Code,
    string Name,
    long OwnerDepartmentId,
    int ProtectionLevel,
    SystemCriticality Criticality,
    bool RunsAroundTheClock,
    int RtoMinutes,
    int RpoMinutes,
    SystemStatus Status);

namespace Xinke.Kernel.Evidence;

/// <summary>
/// How well the records prove a rule for a period. <see cref="NotCoveredYet"/> is what a rule
/// answers while no module evidences it: never green by default.
/// </summary>
public enum ComplianceStatus
{
    NotCoveredYet,
    NotMet,
    PartlyMet,
    Met,
}

namespace Xinke.Kernel.Improvements;

/// <summary>Where an improvement action (整改) comes from: every kind of finding lands in the one register.</summary>
public enum ImprovementSourceKind
{
    Finding,
    Drill,
    Incident,
    Review,
    Assessment,
    RestoreTest,
    Decision,
    Other,
}

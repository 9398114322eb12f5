namespace Xinke.Modules.Systems;

/// <summary>A system in the register is planned, in service or retired; retired ones stay on record.</summary>
public enum SystemStatus
{
    Planned,
    InService,
    Retired,
}

namespace Xinke.Modules.ServiceDesk.FaultRegister;

public static class FaultErrors
{
    public const string InvalidMonth = "fault.invalid_month";

    /// <summary>Every fault is registered with its handling process and result.</summary>
    public const string Requirement = "ROOM-03";
}

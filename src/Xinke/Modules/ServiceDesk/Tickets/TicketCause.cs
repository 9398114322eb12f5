namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>The cause category recorded at resolution, for the fault register and the reports.</summary>
public enum TicketCause
{
    Hardware,
    Software,
    Network,
    Configuration,
    UserOperation,
    Environment,
    ThirdParty,
    Other,
}

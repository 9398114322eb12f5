namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>How wide a fault reaches (impact) or how soon it hurts (urgency); together they give the priority.</summary>
public enum TicketLevel
{
    High = 1,
    Medium = 2,
    Low = 3,
}

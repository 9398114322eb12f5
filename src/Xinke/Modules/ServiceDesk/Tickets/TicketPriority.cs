namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>P1 is the most urgent. Worked out from impact × urgency by <see cref="PriorityMatrix"/>.</summary>
public enum TicketPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

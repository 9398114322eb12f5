namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>The flow new → assigned → in progress ⇄ pending → resolved → closed; a resolved or closed ticket may be reopened.</summary>
public enum TicketStatus
{
    New,
    Assigned,
    InProgress,
    Pending,
    Resolved,
    Closed,
}

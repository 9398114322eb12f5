namespace Xinke.Modules.ServiceDesk.Tickets;

public enum TicketKind
{
    Fault,
    ServiceRequest,
    Question,
    Feedback,
}

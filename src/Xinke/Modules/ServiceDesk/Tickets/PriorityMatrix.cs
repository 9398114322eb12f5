namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>
/// The ITIL-style impact × urgency matrix: high/high is P1; one step lower on either axis is P2;
/// medium/medium and high/low are P3; anything lower is P4.
/// </summary>
public static class PriorityMatrix
{
    public static TicketPriority Of(TicketLevel impact, TicketLevel urgency) =>
        ((int)impact + (int)urgency) switch
        {
            2 => TicketPriority.P1,
            3 => TicketPriority.P2,
            4 => TicketPriority.P3,
            _ => TicketPriority.P4,
        };
}

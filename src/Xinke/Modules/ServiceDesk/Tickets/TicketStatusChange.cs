namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>
/// One row of a ticket's history: a status change, or a change of priority or assignee that keeps
/// the status (then <see cref="From"/> equals <see cref="To"/>). Each row carries the priority and the
/// assignee as they are from that moment on, so the SLA clock is derived from these rows alone.
/// Rows are only ever added.
/// </summary>
public sealed class TicketStatusChange
{
    public const int ReasonMaxLength = 1000;

    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTime At { get; set; }

    /// <summary>Null for the row that opened the ticket.</summary>
    public TicketStatus? From { get; set; }

    public TicketStatus To { get; set; }

    public TicketPriority Priority { get; set; }

    public long? AssigneeAccountId { get; set; }

    public long? GroupId { get; set; }

    public string? Reason { get; set; }

    /// <summary>Null when the system acted (a job, another module opening a fault).</summary>
    public long? ActorAccountId { get; set; }
}

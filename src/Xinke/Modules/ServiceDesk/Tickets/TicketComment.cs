namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>A comment on a ticket. Internal comments are for the IT department only: they never reach the reporter.</summary>
public sealed class TicketComment
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string Text { get; set; }

    public bool Internal { get; set; }

    public long AuthorAccountId { get; set; }

    public DateTime At { get; set; }
}

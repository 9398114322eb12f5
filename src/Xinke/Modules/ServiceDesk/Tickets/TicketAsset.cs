namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>An asset a ticket concerns: a plain asset id, so the service desk does not depend on the asset register.</summary>
public sealed class TicketAsset
{
    public long TicketId { get; set; }

    public long AssetId { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>Files of a ticket (a photo of the error, a log): seen by whoever sees the ticket, added by them while it is open.</summary>
public sealed class TicketAttachments(TicketDesk desk) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "ticket";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        await (await desk.VisibleAsync(cancellationToken)).AnyAsync(t => t.Id == ownerId, cancellationToken);

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        await (await desk.VisibleAsync(cancellationToken)).AnyAsync(t => t.Id == ownerId && t.Status != TicketStatus.Closed, cancellationToken);
}

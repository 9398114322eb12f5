using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>What other modules (and the fault register, the reports) may read of tickets: summaries, never comments.</summary>
public sealed class TicketDirectory(XinkeDb db)
{
    public Task<TicketSummary?> FindAsync(long id, CancellationToken cancellationToken) =>
        Summaries(db.Set<Ticket>().Where(t => t.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The tickets opened for a module's record.</summary>
    public async Task<IReadOnlyList<TicketSummary>> FromSourceAsync(string sourceKind, long sourceId, CancellationToken cancellationToken) =>
        await Summaries(db.Set<Ticket>().Where(t => t.SourceKind == sourceKind && t.SourceId == sourceId)).ToListAsync(cancellationToken);

    private static IQueryable<TicketSummary> Summaries(IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(t => new TicketSummary(t.Id, t.Code, t.Kind, t.Title, t.Status, t.Priority, t.SystemId, t.DepartmentId, t.Cause, t.Resolution, t.CreatedAt, t.ResolvedAt, t.ClosedAt, t.ResolutionBreached));
}

public sealed record TicketSummary(
    long Id, string Code, TicketKind Kind, string Title, TicketStatus Status, TicketPriority Priority, long? SystemId, long? DepartmentId,
    TicketCause? Cause, string? Resolution, DateTime CreatedAt, DateTime? ResolvedAt, DateTime? ClosedAt, bool ResolutionBreached);

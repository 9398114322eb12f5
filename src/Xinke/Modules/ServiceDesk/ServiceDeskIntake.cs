using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// The service desk's public face for other modules that detect faults (a failed backup
/// verification, an out-of-limit room reading, an alert): they open a fault ticket linked to
/// their record, inside their own transaction when they have one.
/// </summary>
public sealed class ServiceDeskIntake(XinkeDb db, TicketDesk desk)
{
    /// <summary>
    /// Opens a fault for the record (<paramref name="sourceKind"/>, <paramref name="sourceId"/>), reported
    /// by the system (no reporter account), or returns the ticket already opened for it: one ticket per record.
    /// </summary>
    public async Task<long> OpenFaultAsync(string title, string description, string sourceKind, long sourceId, long? systemId = null, IReadOnlyCollection<long>? assetIds = null, long? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKind);
        if (await ExistingAsync(sourceKind, sourceId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var opened = await AmbientTransaction.RunAsync(db, async () =>
        {
            var ticket = await desk.OpenAsync(new Ticket
            {
                Code = string.Empty,
                Kind = TicketKind.Fault,
                Title = Clip(title.Trim(), Ticket.TitleMaxLength),
                Description = Clip(description.Trim(), Ticket.DescriptionMaxLength),
                SourceKind = Clip(sourceKind, Ticket.SourceKindMaxLength),
                SourceId = sourceId,
                SystemId = systemId,
                DepartmentId = departmentId,
            }, [.. (assetIds ?? []).Where(a => a > 0).Distinct()], null, null, cancellationToken);
            return Kernel.Result<long>.Success(ticket.Id);
        }, cancellationToken);
        return opened.Value;
    }

    public Task<long?> ExistingAsync(string sourceKind, long sourceId, CancellationToken cancellationToken) =>
        db.Set<Ticket>().AsNoTracking().Where(t => t.SourceKind == sourceKind && t.SourceId == sourceId).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

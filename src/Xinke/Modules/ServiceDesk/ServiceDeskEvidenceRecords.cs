using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Modules.ServiceDesk.FaultRegister;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// The tickets the service desk's providers grade: for OPS-07 those resolved in the period, those
/// breached and still open at its end, and the feedback received in it; for CHG-07 the open tickets
/// with their assignee and due time; for ROOM-03 the faults reported in the period with their cause
/// and what was done. A department's pack lists only its own tickets.
/// </summary>
public sealed class ServiceDeskEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    private static readonly string[] Headers =
    [
        "evidencerecords.code", "evidencerecords.title", "evidencerecords.kind", "evidencerecords.department", "evidencerecords.priority", "evidencerecords.status",
        "evidencerecords.created_at", "evidencerecords.assignee", "evidencerecords.resolution_due_at", "evidencerecords.resolved_at", "evidencerecords.breached",
        "evidencerecords.cause", "evidencerecords.resolution",
    ];

    public IReadOnlyCollection<string> RequirementIds { get; } = [TicketErrors.Requirement, TicketErrors.StageRequirement, FaultErrors.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            tickets = tickets.Where(t => t.DepartmentId != null && inside.Contains(t.DepartmentId.Value));
        }

        var (start, end) = (query.StartUtc, query.EndUtc);
        switch (requirementId)
        {
            case TicketErrors.Requirement:
                yield return Sheet("evidencerecords.tickets_resolved", tickets.Where(t => t.ResolvedAt >= start && t.ResolvedAt < end));
                yield return Sheet("evidencerecords.tickets_breached_open", tickets.Where(t => t.CreatedAt < end && t.ResolvedAt == null && (t.ResponseBreached || t.ResolutionBreached)));
                yield return Sheet("evidencerecords.feedback", tickets.Where(t => t.Kind == TicketKind.Feedback && t.CreatedAt >= start && t.CreatedAt < end));
                break;
            case TicketErrors.StageRequirement:
                yield return Sheet("evidencerecords.tickets_open", tickets.Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending));
                break;
            case FaultErrors.Requirement:
                yield return Sheet("evidencerecords.faults", tickets.Where(t => t.Kind == TicketKind.Fault && t.CreatedAt >= start && t.CreatedAt < end && t.CreatedAt <= query.AsOf));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The service desk does not evidence this requirement.");
        }
    }

    private RecordSheet Sheet(string titleKey, IQueryable<Ticket> tickets) => RecordSheets.Of(
        titleKey,
        Headers,
        tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => new
        {
            t.Code,
            t.Title,
            t.Kind,
            Department = db.Set<Department>().Where(d => d.Id == t.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            t.Priority,
            t.Status,
            t.CreatedAt,
            Assignee = db.Set<Xinke.Kernel.Identity.Account>().Where(a => a.Id == t.AssigneeAccountId).Select(a => a.UserName).FirstOrDefault(),
            t.ResolutionDueAt,
            t.ResolvedAt,
            Breached = t.ResponseBreached || t.ResolutionBreached,
            t.Cause,
            t.Resolution,
        }),
        t => new RecordRow(t.Code, t.Title, t.Kind.ToString(), t.Department, t.Priority.ToString(), t.Status.ToString(), t.CreatedAt, t.Assignee, t.ResolutionDueAt, t.ResolvedAt, t.Breached, t.Cause?.ToString(), t.Resolution));
}

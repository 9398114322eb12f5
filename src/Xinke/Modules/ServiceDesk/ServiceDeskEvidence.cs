using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// OPS-07 from the tickets of the period: those resolved without breaching their SLA, and feedback
/// answered, over every ticket resolved in the period, every ticket that breached and is still open,
/// and every piece of feedback received. CHG-07 from the open tickets as they stand: each needs an
/// assignee and, unless it is pending, a due time; an unassigned or undated one is a gap.
/// </summary>
public sealed class ServiceDeskEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string PromptKey = "evidence.ops07.tickets";
    public const string StagesKey = "evidence.chg07.tickets";
    private static readonly EvidenceLink Queue = new("nav.servicedesk", "/servicedesk/tickets");

    public IReadOnlyCollection<string> RequirementIds { get; } = [TicketErrors.Requirement, TicketErrors.StageRequirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tickets = await ScopedAsync(query.DepartmentId, cancellationToken);
        return requirementId switch
        {
            TicketErrors.Requirement => await PromptAsync(tickets, query, cancellationToken),
            TicketErrors.StageRequirement => await StagesAsync(tickets, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The service desk does not evidence this requirement."),
        };
    }

    private async Task<EvidenceAnswer> PromptAsync(IQueryable<Ticket> tickets, EvidenceQuery query, CancellationToken cancellationToken)
    {
        var (start, end) = (query.StartUtc, query.EndUtc);
        var resolved = tickets.Where(t => t.ResolvedAt >= start && t.ResolvedAt < end);
        var resolvedCount = await resolved.CountAsync(cancellationToken);
        var inTime = await resolved.CountAsync(t => !t.ResponseBreached && !t.ResolutionBreached, cancellationToken);
        var openBreached = await tickets.Where(t => t.CreatedAt < end && t.ResolvedAt == null && (t.ResponseBreached || t.ResolutionBreached))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Code }).ToListAsync(cancellationToken);
        var feedback = tickets.Where(t => t.Kind == TicketKind.Feedback && t.CreatedAt >= start && t.CreatedAt < end);
        var feedbackCount = await feedback.CountAsync(cancellationToken);
        var answered = await feedback.CountAsync(t => t.ResolvedAt != null || t.ClosedAt != null, cancellationToken);
        var total = resolvedCount + openBreached.Count + feedbackCount;
        var compliant = inTime + answered;
        return new EvidenceAnswer(
            TicketErrors.Requirement,
            EvidenceGrades.ByShare(catalogue, TicketErrors.Requirement, compliant, total),
            new EvidenceReason(PromptKey, inTime, resolvedCount, openBreached.Count, answered, feedbackCount),
            [Queue, .. openBreached.Take(20).Select(t => Link(t.Code, t.Id))]);
    }

    private async Task<EvidenceAnswer> StagesAsync(IQueryable<Ticket> tickets, CancellationToken cancellationToken)
    {
        var open = tickets.Where(t => t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending);
        var total = await open.CountAsync(cancellationToken);
        var gaps = await open.Where(t => t.AssigneeAccountId == null || (t.Status != TicketStatus.Pending && t.ResolutionDueAt == null))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Code }).ToListAsync(cancellationToken);
        var compliant = total - gaps.Count;
        return new EvidenceAnswer(
            TicketErrors.StageRequirement,
            EvidenceGrades.ByShare(catalogue, TicketErrors.StageRequirement, compliant, total),
            new EvidenceReason(StagesKey, compliant, total),
            [Queue, .. gaps.Take(20).Select(t => Link(t.Code, t.Id))]);
    }

    private async Task<IQueryable<Ticket>> ScopedAsync(long? departmentId, CancellationToken cancellationToken)
    {
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (departmentId is not { } department)
        {
            return tickets;
        }

        var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
        var inside = db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => (long?)d.Id);
        return tickets.Where(t => inside.Contains(t.DepartmentId));
    }

    private static EvidenceLink Link(string code, long id) => new(code, string.Create(CultureInfo.InvariantCulture, $"/servicedesk/tickets/detail?id={id}"));
}

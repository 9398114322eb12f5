using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.FaultRegister;

/// <summary>
/// ROOM-03 from the fault register: every fault reported in the period is registered with its
/// handling and its result. A fault counts when it was resolved or closed with a cause and what was
/// done, after at least one handling step beyond its reporting; an open fault past its resolution
/// target is a gap; an open fault still within its target is not judged yet. Graded by share; the
/// answer links the month's register and each fault that falls short.
/// </summary>
public sealed class FaultRegisterEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.room03.faults";
    private const int MaxLinks = 20;

    public IReadOnlyCollection<string> RequirementIds { get; } = [FaultErrors.Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != FaultErrors.Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The fault register does not evidence this requirement.");
        }

        var asOf = query.AsOf;
        var faults = db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Kind == TicketKind.Fault && t.CreatedAt >= query.StartUtc && t.CreatedAt < query.EndUtc && t.CreatedAt <= asOf);
        if (query.DepartmentId is { } department)
        {
            var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
            var inside = db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => d.Id);
            faults = faults.Where(t => t.DepartmentId != null && inside.Contains(t.DepartmentId.Value));
        }

        var changes = db.Set<TicketStatusChange>();
        var judged = faults.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed || t.ResolutionDueAt < asOf);
        Expression<Func<Ticket, bool>> complete = t => (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed)
            && t.Cause != null && t.Resolution != null && t.Resolution != string.Empty
            && changes.Count(c => c.TicketId == t.Id) > 1;
        var incomplete = Expression.Lambda<Func<Ticket, bool>>(Expression.Not(complete.Body), complete.Parameters);
        var total = await judged.CountAsync(cancellationToken);
        var compliant = await judged.CountAsync(complete, cancellationToken);
        var gaps = await judged.Where(incomplete).OrderBy(t => t.CreatedAt).Select(t => t.Code).Take(MaxLinks).ToListAsync(cancellationToken);
        var month = query.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new EvidenceAnswer(
            FaultErrors.Requirement,
            EvidenceGrades.ByShare(catalogue, FaultErrors.Requirement, compliant, total),
            new EvidenceReason(ReasonKey, compliant, total),
            [new EvidenceLink("nav.faults", $"/servicedesk/faults?month={month}"), .. gaps.Select(code => new EvidenceLink(code, $"/servicedesk/faults?q={code}"))]);
    }
}

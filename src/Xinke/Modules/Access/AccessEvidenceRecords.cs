using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access;

/// <summary>
/// The records <see cref="AccessEvidence"/> grades: for ACC-02 the roles granted in the period
/// (from the audit chain) and whether an approved request granted each; for ACC-04 the review
/// campaigns of the period's quarters with their answered lines. For a department, only the
/// grants of roles scoped inside it are listed.
/// </summary>
public sealed class AccessEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [AccessErrors.Granting, AccessErrors.Reviewing];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        yield return requirementId == AccessErrors.Granting ? Grants(query) : Campaigns(query);
    }

    private RecordSheet Grants(EvidenceQuery query)
    {
        var events = db.Set<AuditEvent>().AsNoTracking().Where(e => e.OccurredAt >= query.StartUtc && e.OccurredAt < query.EndUtc && e.EntityType == nameof(RoleAssignment));
        var granted = events.Where(e => e.Action == AuditAction.Create);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            var scoped = db.Set<RoleAssignment>().Where(r => inside.Contains(r.DepartmentId)).Select(r => r.Id.ToString());
            granted = granted.Where(e => scoped.Contains(e.EntityId!));
        }

        return RecordSheets.Of(
            "evidencerecords.role_grants",
            ["evidencerecords.sequence", "evidencerecords.occurred_at", "evidencerecords.actor", "evidencerecords.role_assignment", "evidencerecords.approved_request"],
            granted.OrderBy(e => e.Sequence).Select(e => new
            {
                e.Sequence,
                e.OccurredAt,
                e.ActorName,
                e.EntityId,
                Approved = events.Any(g => g.Action == PermissionGrants.GrantedAction && g.EntityId == e.EntityId),
            }),
            e => new RecordRow(e.Sequence, e.OccurredAt, e.ActorName, e.EntityId, e.Approved));
    }

    private RecordSheet Campaigns(EvidenceQuery query)
    {
        var quarters = new List<string>();
        for (var start = new DateOnly(query.From.Year, ((query.From.Month - 1) / 3 * 3) + 1, 1); start <= query.To; start = start.AddMonths(3))
        {
            quarters.Add(AccessReviewCampaign.QuarterOf(start));
        }

        return RecordSheets.Of(
            "evidencerecords.review_campaigns",
            ["evidencerecords.code", "evidencerecords.quarter", "evidencerecords.opened_at", "evidencerecords.closed_at", "evidencerecords.lines", "evidencerecords.answered"],
            db.Set<AccessReviewCampaign>().AsNoTracking().Where(c => quarters.Contains(c.Period)).OrderBy(c => c.Period).ThenBy(c => c.Id).Select(c => new
            {
                c.Code,
                c.Period,
                c.OpenedAt,
                c.ClosedAt,
                Lines = db.Set<AccessReviewLine>().Count(l => l.CampaignId == c.Id),
                Answered = db.Set<AccessReviewLine>().Count(l => l.CampaignId == c.Id && l.Answer != ReviewAnswer.Pending),
            }),
            c => new RecordRow(c.Code, c.Period, c.OpenedAt, c.ClosedAt, c.Lines, c.Answered));
    }
}

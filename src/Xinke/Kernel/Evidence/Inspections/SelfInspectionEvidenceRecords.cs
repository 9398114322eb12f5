using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// What <see cref="SelfInspectionEvidence"/> grades for SEC-03 and ORG-06: the monthly duty's periods
/// the window reaches, with who closed and who reviewed each; and the self-inspections recorded for
/// days of the window, with the statuses they saw, the comments and their files. The duty is the
/// whole hospital's, so a department's pack holds the same records.
/// </summary>
public sealed class SelfInspectionEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [SelfInspectionEvidence.Analysis, SelfInspectionEvidence.Inspection];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var asOf = query.AsOf;
        var accounts = db.Set<Account>();
        var obligation = db.Set<Obligation>().Where(o => o.Key == SelfInspectionObligations.Key).Select(o => o.Id);
        yield return RecordSheets.Of(
            "evidencerecords.inspection_periods",
            ["evidencerecords.period_start", "evidencerecords.period_end", "evidencerecords.status", "evidencerecords.closed_at", "evidencerecords.closed_by", "evidencerecords.reviewer", "evidencerecords.reviewed_at", "evidencerecords.compliant"],
            db.Set<ObligationPeriod>().AsNoTracking()
                .Where(p => obligation.Contains(p.ObligationId) && p.Start < query.EndUtc && p.End > query.StartUtc && p.Start <= asOf)
                .OrderBy(p => p.Start)
                .Select(p => new
                {
                    Period = p,
                    ClosedBy = accounts.Where(a => a.Id == p.ClosedByAccountId).Select(a => a.DisplayName).FirstOrDefault(),
                    Reviewer = accounts.Where(a => a.Id == p.ReviewerAccountId).Select(a => a.DisplayName).FirstOrDefault(),
                }),
            p => new RecordRow(p.Period.Start, p.Period.End, p.Period.StatusAt(asOf).ToString(), p.Period.ClosedAt, p.ClosedBy, p.Reviewer, p.Period.ReviewedAt, p.Period.StatusAt(asOf) == PeriodStatus.Done));

        var inspections = db.Set<SelfInspection>().AsNoTracking()
            .Where(i => i.RecordedAt != null && i.RecordedAt <= asOf && i.PeriodFrom <= query.To && i.PeriodTo >= query.From);

        // A few inspections a year: their files are read once, so the rows stream without a query each.
        var files = (await db.Set<Attachment>().AsNoTracking()
                .Where(f => f.OwnerType == SelfInspection.OwnerType && f.VoidedAt == null && inspections.Any(i => i.Id == f.OwnerId))
                .OrderBy(f => f.Id)
                .Select(f => new { f.OwnerId, f.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.OwnerId, f => f.Id);
        yield return RecordSheets.Of(
            "evidencerecords.self_inspections",
            ["evidencerecords.code", "evidencerecords.period_from", "evidencerecords.period_to", "evidencerecords.inspector", "evidencerecords.recorded_at", "compliance.status.Met", "compliance.status.PartlyMet", "compliance.status.NotMet", "compliance.status.NotCoveredYet", "evidencerecords.red_requirements", "evidencerecords.comments"],
            inspections.OrderBy(i => i.PeriodFrom).ThenBy(i => i.Id).Select(i => new
            {
                Inspection = i,
                Inspector = accounts.Where(a => a.Id == i.InspectorAccountId).Select(a => a.DisplayName).FirstOrDefault(),
            }),
            i => new RecordRow(
                [i.Inspection.Code, i.Inspection.PeriodFrom, i.Inspection.PeriodTo, i.Inspector, i.Inspection.RecordedAt, i.Inspection.MetCount, i.Inspection.PartlyMetCount, i.Inspection.NotMetCount, i.Inspection.NotCoveredCount, i.Inspection.RedRequirements, i.Inspection.Comments],
                [.. files[i.Inspection.Id]]));
    }
}

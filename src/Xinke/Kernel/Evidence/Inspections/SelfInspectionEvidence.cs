using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// SEC-03's periodic analysis and ORG-06's inspection: of the monthly self-inspection periods the
/// question's window reaches and that have been judged (done, or ended without evidence), the
/// share done — recorded with its material and reviewed by someone else — graded against the
/// rule's thresholds. ORG-06 is also proved by documents; the view takes the worse of both.
/// The duty is the whole hospital's, so a department's question gets the same answer. Where no
/// period was judged yet (the duty began after the window), SEC-03 is not met — nothing proves
/// the analysis — while ORG-06 is left to its documents: its inspection part has nothing to lower.
/// </summary>
public sealed class SelfInspectionEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string Analysis = SelfInspectionErrors.Requirement;
    public const string Inspection = "ORG-06";
    public const string Reason = "evidence.self_inspection.periods";
    public const string NoneJudgedReason = "evidence.self_inspection.none_judged";
    private static readonly EvidenceLink Page = new("nav.compliance_inspections", "/compliance/inspections");

    public IReadOnlyCollection<string> RequirementIds { get; } = [Analysis, Inspection];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!RequirementIds.Contains(requirementId))
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Self-inspections do not evidence this requirement.");
        }

        var now = query.AsOf;
        var obligation = db.Set<Obligation>().Where(o => o.Key == SelfInspectionObligations.Key).Select(o => o.Id);
        var periods = db.Set<ObligationPeriod>().AsNoTracking()
            .Where(p => obligation.Contains(p.ObligationId) && p.Start < query.EndUtc && p.End > query.StartUtc);
        var done = await periods.Where(ObligationPeriod.HasStatus(PeriodStatus.Done, now)).CountAsync(cancellationToken);
        var missed = await periods.Where(ObligationPeriod.HasStatus(PeriodStatus.Missed, now)).CountAsync(cancellationToken);
        var late = await periods.Where(ObligationPeriod.HasStatus(PeriodStatus.Late, now)).CountAsync(cancellationToken);
        var judged = done + missed + late;
        if (judged == 0 && requirementId == Inspection)
        {
            return new EvidenceAnswer(requirementId, ComplianceStatus.Met, new EvidenceReason(NoneJudgedReason), [Page]);
        }

        var status = EvidenceGrades.ByShare(catalogue, requirementId, done, judged);
        return new EvidenceAnswer(requirementId, status, new EvidenceReason(Reason, done, judged), [Page]);
    }
}

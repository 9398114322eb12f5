using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;

namespace Xinke.Kernel.Audit;

/// <summary>
/// ACC-06: tampering is detected only if someone looks. Met when the latest verification of the
/// chain before the judged instant succeeded within <c>maxDaysSinceVerification</c>; partly met
/// within <c>partlyDaysSinceVerification</c>; not met when it failed, is older, or never ran.
/// The audit chain is hospital-wide, so a department's answer is the hospital's.
/// </summary>
public sealed class AuditEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string Tampering = "ACC-06";
    public const string VerifiedAction = "audit_verified";
    private static readonly EvidenceLink Log = new("nav.audit", "/audit");

    public IReadOnlyCollection<string> RequirementIds { get; } = [Tampering];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var last = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Action == VerifiedAction && e.OccurredAt <= query.AsOf)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.OccurredAt, e.Outcome })
            .FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return new EvidenceAnswer(Tampering, ComplianceStatus.NotMet, new EvidenceReason("evidence.acc06.never"), [Log]);
        }

        var days = (int)Math.Floor((query.AsOf - last.OccurredAt).TotalDays);
        if (last.Outcome != AuditOutcome.Success)
        {
            return new EvidenceAnswer(Tampering, ComplianceStatus.NotMet, new EvidenceReason("evidence.acc06.failed", days), [Log]);
        }

        var status = days <= catalogue.Threshold(Tampering, "maxDaysSinceVerification") ? ComplianceStatus.Met
            : days <= catalogue.Threshold(Tampering, "partlyDaysSinceVerification") ? ComplianceStatus.PartlyMet
            : ComplianceStatus.NotMet;
        return new EvidenceAnswer(Tampering, status, new EvidenceReason("evidence.acc06.verified", days), [Log]);
    }
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Kernel.Audit;

/// <summary>ACC-06: the verifications of the audit chain up to the judged instant within the period (hospital-wide, as the chain is).</summary>
public sealed class AuditEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [AuditEvidence.Tampering];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        yield return RecordSheets.Of(
            "evidencerecords.audit_verifications",
            ["evidencerecords.sequence", "evidencerecords.occurred_at", "evidencerecords.actor", "evidencerecords.outcome"],
            db.Set<AuditEvent>().AsNoTracking()
                .Where(e => e.Action == AuditEvidence.VerifiedAction && e.OccurredAt >= query.StartUtc && e.OccurredAt <= query.AsOf)
                .OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.OccurredAt, e.ActorName, e.Outcome }),
            e => new RecordRow(e.Sequence, e.OccurredAt, e.ActorName, e.Outcome));
    }
}

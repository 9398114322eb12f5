using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// Where modules report records that may fulfil obligations. Call <see cref="ReportAsync"/> inside
/// the transaction that stores the module's own record: the evidence and the periods it closes
/// commit with it, and a rolled-back record closes nothing.
/// </summary>
public sealed class ObligationRecords(XinkeDb db, TimeProvider clock)
{
    public async Task<ObligationRecord> ReportAsync(ObligationEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence.SourceRef);
        var dot = evidence.Kind.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || evidence.Kind.Length > ObligationRecord.KindMaxLength)
        {
            throw new ArgumentException($"Evidence kind '{evidence.Kind}' is not of the form <module>.<record>.", nameof(evidence));
        }

        var record = new ObligationRecord
        {
            Kind = evidence.Kind,
            Module = evidence.Kind[..dot],
            SubjectType = evidence.SubjectType,
            SubjectId = evidence.SubjectId,
            OccurredAt = evidence.OccurredAt.UtcDateTime,
            ActorAccountId = evidence.ActorAccountId,
            SourceRef = evidence.SourceRef,
            ReportedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var candidates = await db.Set<Obligation>()
            .Where(o => o.Active && o.EvidenceKind == record.Kind)
            .ToListAsync(cancellationToken);
        var obligationIds = candidates.Where(o => o.Accepts(record.Kind, record.SubjectType, record.SubjectId)).Select(o => o.Id).ToList();
        if (obligationIds.Count == 0)
        {
            return record;
        }

        // One record closes one period of each obligation: the earliest still open, so a
        // record made in the grace after a period catches that period up first.
        var at = record.OccurredAt;
        var periods = await db.Set<ObligationPeriod>()
            .Where(p => obligationIds.Contains(p.ObligationId) && p.ClosingRecordId == null && p.Start <= at && at < p.GraceUntil)
            .ToListAsync(cancellationToken);
        foreach (var group in periods.GroupBy(p => p.ObligationId))
        {
            var closed = group.OrderBy(p => p.Start).FirstOrDefault(p => p.Close(record));
            if (closed is not null && closed.StatusAt(record.ReportedAt) == PeriodStatus.Done)
            {
                closed.Status = PeriodStatus.Done;
                closed.EvaluatedAt = record.ReportedAt;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Data.Consistency;

/// <summary>
/// Every obligation period agrees with its evidence: the record that closed it exists, is of the kind
/// and subject the obligation asks for, and fell inside the period or its grace (late exactly when in
/// the grace); a review is by someone other than the closer; a recorded "done" is still done; and no
/// accepted record that closed nothing lies inside a period left open (it would have closed it).
/// </summary>
public sealed class ObligationRuleChecks(XinkeDb db, TimeProvider clock) : IRecordRuleCheck
{
    public string Area => "obligations";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var obligations = await db.Set<Obligation>().AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancellationToken);
        foreach (var obligation in obligations)
        {
            var requirement = obligation.Requirements is [var first, ..] ? first : "ORG-06";
            var periods = await db.Set<ObligationPeriod>().AsNoTracking().Where(p => p.ObligationId == obligation.Id).OrderBy(p => p.Start).ToListAsync(cancellationToken);
            if (periods.Count == 0)
            {
                continue;
            }

            var from = periods[0].Start;
            var to = periods.Max(p => p.GraceUntil);
            var records = (await db.Set<ObligationRecord>().AsNoTracking()
                .Where(r => r.Kind == obligation.EvidenceKind && r.OccurredAt >= from && r.OccurredAt < to)
                .ToListAsync(cancellationToken))
                .Where(r => obligation.Accepts(r.Kind, r.SubjectType, r.SubjectId))
                .ToDictionary(r => r.Id);
            var closers = periods.Where(p => p.ClosingRecordId is not null).Select(p => p.ClosingRecordId!.Value).ToHashSet();
            foreach (var period in periods)
            {
                var reference = string.Create(CultureInfo.InvariantCulture, $"obligation:{obligation.Id}/period:{period.Id}");
                foreach (var fault in Faults(period, records, closers, now))
                {
                    yield return new RuleViolation(requirement, reference, $"{obligation.Title}: {fault}");
                }
            }
        }
    }

    private static IEnumerable<string> Faults(ObligationPeriod period, Dictionary<long, ObligationRecord> accepted, HashSet<long> closers, DateTime now)
    {
        if (period.ClosingRecordId is { } recordId)
        {
            if (!accepted.TryGetValue(recordId, out var record) || record.OccurredAt < period.Start || record.OccurredAt >= period.GraceUntil)
            {
                yield return "closed by a record that is not evidence for this period";
            }
            else if (period.ClosedAt != record.OccurredAt || period.ClosedLate != (record.OccurredAt >= period.End) || period.ClosedByAccountId != record.ActorAccountId)
            {
                yield return "its closing details disagree with the closing record";
            }
        }
        else if (accepted.Values.Any(r => !closers.Contains(r.Id) && r.OccurredAt >= period.Start && r.OccurredAt < period.GraceUntil))
        {
            yield return "open although an unused record falls inside it";
        }

        if (period.ReviewedAt is not null && period.ReviewerAccountId == period.ClosedByAccountId)
        {
            yield return "reviewed by the person whose record closed it";
        }

        if (period.Status == PeriodStatus.Done && period.StatusAt(now) != PeriodStatus.Done)
        {
            yield return "recorded as done without evidence";
        }
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// Makes the periods the schedules call for and records status changes. Each obligation's
/// materialisation and each period's evaluation is a unit of work with its own lease, taken
/// before and fenced at commit, and every unit re-reads its state under the lease: two
/// instances never do the same change twice, and a unit left by a dead instance is taken over
/// once its lease expires.
/// </summary>
public sealed partial class ObligationEvaluator(
    XinkeDb db,
    JobLeases leases,
    HospitalClock hospital,
    TimeProvider clock,
    IObligationNotifier notifier,
    ILogger<ObligationEvaluator> logger)
{
    /// <summary>How long one unit may take before another instance may take it over.</summary>
    public static readonly TimeSpan UnitLease = TimeSpan.FromMinutes(2);

    /// <summary>Periods made per obligation and run: bounds the catch-up after a long pause.</summary>
    private const int MaxNewPeriods = 500;

    /// <summary>Status changes recorded per run; the rest wait for the next run (reads are exact meanwhile).</summary>
    private const int MaxEvaluations = 2000;

    public static string MaterialiseLease(long obligationId) => string.Create(CultureInfo.InvariantCulture, $"obligations.materialise:{obligationId}");

    public static string PeriodLease(long periodId) => string.Create(CultureInfo.InvariantCulture, $"obligations.period:{periodId}");

    public async Task<EvaluationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        var obligationIds = await db.Set<Obligation>().AsNoTracking().Where(o => o.Active).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var id in obligationIds)
        {
            created += await MaterialiseAsync(id, cancellationToken);
        }

        var changed = 0;
        var skipped = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = await db.Set<ObligationPeriod>().AsNoTracking().Where(ObligationPeriod.Stale(now)).OrderBy(p => p.Id).Select(p => p.Id).Take(MaxEvaluations).ToListAsync(cancellationToken);
        foreach (var periodId in stale)
        {
            switch (await EvaluateAsync(periodId, cancellationToken))
            {
                case true: changed++; break;
                case null: skipped++; break;
                default: break;
            }
        }

        return new EvaluationSummary(created, changed, skipped);
    }

    /// <summary>Makes the obligation's periods that have begun by now. Returns how many were made.</summary>
    public async Task<int> MaterialiseAsync(long obligationId, CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireAsync(MaterialiseLease(obligationId), UnitLease, cancellationToken);
        if (lease is null)
        {
            return 0;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var obligation = await db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == obligationId, cancellationToken);
            var schedule = ObligationSchedule.Parse(obligation.ScheduleKind, obligation.Schedule);
            if (schedule is null)
            {
                LogBadSchedule(logger, obligationId);
                return 0;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var lastStart = await db.Set<ObligationPeriod>().Where(p => p.ObligationId == obligationId).MaxAsync(p => (DateTime?)p.Start, cancellationToken);
            var made = new List<ObligationPeriod>();
            using (var occurrences = schedule.Occurrences(obligation.EffectiveFrom, hospital.Zone).SkipWhile(at => lastStart is { } last && at <= last).GetEnumerator())
            {
                var hasCurrent = occurrences.MoveNext();
                while (hasCurrent && occurrences.Current <= now && made.Count < MaxNewPeriods)
                {
                    var start = occurrences.Current;
                    hasCurrent = occurrences.MoveNext();
                    if (!hasCurrent)
                    {
                        break;
                    }

                    var end = occurrences.Current;
                    made.Add(new ObligationPeriod
                    {
                        ObligationId = obligationId,
                        Start = start,
                        End = end,
                        GraceUntil = end + obligation.Grace,
                        ReviewRequired = obligation.ReviewRequired,
                        Status = PeriodStatus.Due,
                    });
                }
            }

            if (made.Count == 0)
            {
                return 0;
            }

            db.AddRange(made);
            await db.SaveChangesAsync(cancellationToken);
            await CloseFromRecordsAsync(obligation, made, cancellationToken);
            if (await leases.RenewAsync(lease, UnitLease, cancellationToken) is null)
            {
                // Another instance took the unit over; its work stands, this one is dropped.
                return 0;
            }

            await transaction.CommitAsync(cancellationToken);
            return made.Count;
        }
        finally
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
    }

    /// <summary>
    /// Records the status of one period if it changed, and tells the notifier about a period
    /// that became late or missed. True when it changed, false when nothing had to be done,
    /// null when another instance holds the period.
    /// </summary>
    public async Task<bool?> EvaluateAsync(long periodId, CancellationToken cancellationToken)
    {
        var lease = await leases.TryAcquireAsync(PeriodLease(periodId), UnitLease, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var period = await db.Set<ObligationPeriod>().SingleAsync(p => p.Id == periodId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var status = period.StatusAt(now);
            if (status == period.Status)
            {
                return false;
            }

            period.Status = status;
            period.EvaluatedAt = now;
            if (status is PeriodStatus.Late or PeriodStatus.Missed)
            {
                var obligation = await db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == period.ObligationId, cancellationToken);
                await notifier.PeriodOverdueAsync(obligation, period, status, cancellationToken);
            }

            // The status change and the notices it queued commit together, or neither does.
            await db.SaveChangesAsync(cancellationToken);

            if (await leases.RenewAsync(lease, UnitLease, cancellationToken) is null)
            {
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
    }

    /// <summary>Records reported before their period existed close it now.</summary>
    private async Task CloseFromRecordsAsync(Obligation obligation, List<ObligationPeriod> periods, CancellationToken cancellationToken)
    {
        var from = periods[0].Start;
        var to = periods[^1].GraceUntil;
        var records = await db.Set<ObligationRecord>().AsNoTracking()
            .Where(r => r.Kind == obligation.EvidenceKind && r.OccurredAt >= from && r.OccurredAt < to)
            .OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var used = await db.Set<ObligationPeriod>().AsNoTracking()
            .Where(p => p.ObligationId == obligation.Id && p.ClosingRecordId != null)
            .Select(p => p.ClosingRecordId!.Value)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var record in records.Where(r => obligation.Accepts(r.Kind, r.SubjectType, r.SubjectId) && !used.Contains(r.Id)))
        {
            var closed = periods.FirstOrDefault(p => p.Close(record));
            if (closed is not null && closed.StatusAt(now) == PeriodStatus.Done)
            {
                closed.Status = PeriodStatus.Done;
                closed.EvaluatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Obligation {ObligationId} has a schedule that no longer parses; no periods are made")]
    private static partial void LogBadSchedule(ILogger logger, long obligationId);
}

/// <summary>What one evaluation run did: periods made, statuses changed, periods left to another instance.</summary>
public sealed record EvaluationSummary(int PeriodsMade, int StatusesChanged, int LeftToOthers);

using System.Linq.Expressions;
using Xinke.Data;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// One period of an obligation: [<see cref="Start"/>, <see cref="End"/>), with grace until
/// <see cref="GraceUntil"/>. <see cref="Status"/> is what the evaluator last recorded (so a change
/// is noticed, audited and announced once); <see cref="StatusAt"/> is the truth at any instant,
/// computed from the closing evidence and the clock, so readers never wait for the evaluator.
/// </summary>
public sealed class ObligationPeriod : IVersioned
{
    public long Id { get; set; }

    public long ObligationId { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public DateTime GraceUntil { get; set; }

    /// <summary>Copied from the obligation when the period was made: the rule that applied to it.</summary>
    public bool ReviewRequired { get; set; }

    public PeriodStatus Status { get; set; }

    public DateTime? EvaluatedAt { get; set; }

    public long? ClosingRecordId { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The evidence arrived in the grace after the period: done, but late.</summary>
    public bool ClosedLate { get; set; }

    public long? ClosedByAccountId { get; set; }

    public long? ReviewerAccountId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public long Version { get; set; }

    public bool AwaitingReview => ClosingRecordId is not null && ReviewRequired && ReviewedAt is null;

    public PeriodStatus StatusAt(DateTime now) =>
        ClosingRecordId is not null && (!ReviewRequired || ReviewedAt is not null) ? PeriodStatus.Done
        : now < End ? PeriodStatus.Due
        : now < GraceUntil ? PeriodStatus.Late
        : PeriodStatus.Missed;

    /// <summary><see cref="StatusAt"/> as a query filter, so lists select by the same rule.</summary>
    public static Expression<Func<ObligationPeriod, bool>> HasStatus(PeriodStatus status, DateTime now) => status switch
    {
        PeriodStatus.Done => p => p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null),
        PeriodStatus.Due => p => !(p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null)) && now < p.End,
        PeriodStatus.Late => p => !(p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null)) && p.End <= now && now < p.GraceUntil,
        PeriodStatus.Missed => p => !(p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null)) && p.GraceUntil <= now,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Periods whose recorded status no longer matches the truth: the evaluator's work list.</summary>
    public static Expression<Func<ObligationPeriod, bool>> Stale(DateTime now) =>
        p => (p.Status != PeriodStatus.Done && p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null))
            || (p.Status == PeriodStatus.Due && p.End <= now && !(p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null)))
            || (p.Status == PeriodStatus.Late && p.GraceUntil <= now && !(p.ClosingRecordId != null && (!p.ReviewRequired || p.ReviewedAt != null)));

    /// <summary>Closes the period with a record, if the record falls inside the period or its grace.</summary>
    public bool Close(ObligationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (ClosingRecordId is not null || record.OccurredAt < Start || record.OccurredAt >= GraceUntil)
        {
            return false;
        }

        ClosingRecordId = record.Id;
        ClosedAt = record.OccurredAt;
        ClosedLate = record.OccurredAt >= End;
        ClosedByAccountId = record.ActorAccountId;
        return true;
    }

    /// <summary>The independent review of a period closed by a person's own record.</summary>
    public Error? Review(long reviewerAccountId, DateTime now)
    {
        if (!ReviewRequired)
        {
            return Error.Conflict(ObligationErrors.ReviewNotRequired);
        }

        if (ClosingRecordId is null)
        {
            return Error.Conflict(ObligationErrors.NothingToReview);
        }

        if (ReviewedAt is not null)
        {
            return Error.Conflict(ObligationErrors.AlreadyReviewed);
        }

        if (ClosedByAccountId == reviewerAccountId)
        {
            return Error.Conflict(ObligationErrors.SelfReview);
        }

        ReviewerAccountId = reviewerAccountId;
        ReviewedAt = now;
        return null;
    }
}

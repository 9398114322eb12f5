namespace Xinke.Kernel.Obligations;

public sealed record ObligationDto(
    long Id,
    string? Key,
    string Title,
    IReadOnlyList<string> RequirementIds,
    ScheduleKind ScheduleKind,
    string Schedule,
    OwnerKind OwnerKind,
    string Owner,
    int GraceHours,
    string EvidenceKind,
    string? EvidenceSubjectType,
    string? EvidenceSubjectId,
    bool ReviewRequired,
    bool Active,
    bool DeclaredInCode,
    DateTime EffectiveFrom,
    long Version)
{
    public static ObligationDto From(Obligation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.Key, o.Title, o.Requirements, o.ScheduleKind, o.Schedule, o.OwnerKind, o.Owner, o.GraceHours, o.EvidenceKind,
            o.EvidenceSubjectType, o.EvidenceSubjectId, o.ReviewRequired, o.Active, o.DeclaredInCode, o.EffectiveFrom, o.Version);
    }
}

/// <summary>One period with its status as of the moment of the request.</summary>
public sealed record PeriodDto(
    long Id,
    long ObligationId,
    string Title,
    OwnerKind OwnerKind,
    string Owner,
    IReadOnlyList<string> RequirementIds,
    DateTime Start,
    DateTime End,
    DateTime GraceUntil,
    PeriodStatus Status,
    bool ClosedLate,
    bool AwaitingReview,
    long? ClosingRecordId,
    DateTime? ClosedAt,
    long? ClosedByAccountId,
    long? ReviewerAccountId,
    DateTime? ReviewedAt)
{
    public static PeriodDto From(ObligationPeriod p, Obligation o, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(o);
        return new(p.Id, o.Id, o.Title, o.OwnerKind, o.Owner, o.Requirements, p.Start, p.End, p.GraceUntil, p.StatusAt(now), p.ClosedLate, p.AwaitingReview,
            p.ClosingRecordId, p.ClosedAt, p.ClosedByAccountId, p.ReviewerAccountId, p.ReviewedAt);
    }
}

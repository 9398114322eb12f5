using Xinke.Kernel.Improvements;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>The statuses the view showed when the inspection was recorded.</summary>
public sealed record InspectionSnapshotDto(int Met, int PartlyMet, int NotMet, int NotCoveredYet, IReadOnlyList<string> RedRequirementIds);

public sealed record InspectionFollowUpDto(long Id, string Code, string Description, ImprovementStatus Status, DateOnly DueDate, long OwnerId);

public sealed record InspectionReviewDto(long PeriodId, DateTime PeriodStart, long? ReviewerAccountId, DateTime? ReviewedAt);

public sealed record SelfInspectionDto(
    long Id, string Code, DateOnly PeriodFrom, DateOnly PeriodTo, string Comments, long InspectorAccountId, DateTime CreatedAt, DateTime? RecordedAt,
    InspectionSnapshotDto? Snapshot, IReadOnlyList<InspectionFollowUpDto> FollowUps, InspectionReviewDto? Review, long Version)
{
    public static SelfInspectionDto From(SelfInspection inspection, IReadOnlyList<ImprovementAction>? followUps = null, InspectionReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var snapshot = inspection.IsRecorded
            ? new InspectionSnapshotDto(inspection.MetCount, inspection.PartlyMetCount, inspection.NotMetCount, inspection.NotCoveredCount, inspection.RedRequirementIds)
            : null;
        return new SelfInspectionDto(
            inspection.Id, inspection.Code, inspection.PeriodFrom, inspection.PeriodTo, inspection.Comments, inspection.InspectorAccountId, inspection.CreatedAt, inspection.RecordedAt,
            snapshot, [.. (followUps ?? []).Select(a => new InspectionFollowUpDto(a.Id, a.Code, a.Description, a.Status, a.DueDate, a.OwnerId))],
            review is null ? null : new InspectionReviewDto(review.PeriodId, review.PeriodStart, review.ReviewerAccountId, review.ReviewedAt), inspection.Version);
    }
}

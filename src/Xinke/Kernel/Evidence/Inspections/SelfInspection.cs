using Xinke.Data;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// A self-inspection of the compliance view (SEC-03's periodic analysis, ORG-06's inspection): the
/// period looked at, what the inspector concluded, and the statuses seen at that moment — stored,
/// because the live view moves on. A draft gathers comments and files; recording it freezes the
/// snapshot and reports the monthly duty done, which counts once someone else has reviewed it.
/// </summary>
public sealed class SelfInspection : IVersioned
{
    public const string OwnerType = "compliance-inspection";
    public const string CodeKind = "ZC";
    public const int CommentsMaxLength = 4000;

    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The first day inspected (hospital date).</summary>
    public DateOnly PeriodFrom { get; set; }

    /// <summary>The last day inspected (hospital date, inclusive).</summary>
    public DateOnly PeriodTo { get; set; }

    public required string Comments { get; set; }

    public long InspectorAccountId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the inspection was recorded; none while it is a draft.</summary>
    public DateTime? RecordedAt { get; set; }

    public int MetCount { get; set; }

    public int PartlyMetCount { get; set; }

    public int NotMetCount { get; set; }

    public int NotCoveredCount { get; set; }

    /// <summary>The rules seen not met at recording, comma-separated in the order the view listed them.</summary>
    public string RedRequirements { get; set; } = "";

    public long Version { get; set; }

    public bool IsRecorded => RecordedAt is not null;

    public IReadOnlyList<string> RedRequirementIds => RedRequirements.Length == 0 ? [] : RedRequirements.Split(',');

    /// <summary>Freezes what the view showed: the counts by status and the red rules.</summary>
    public Error? Record(ComplianceReportDto seen, bool hasAttachment, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(seen);
        if (IsRecorded)
        {
            return Error.Conflict(SelfInspectionErrors.AlreadyRecorded, SelfInspectionErrors.Requirement);
        }

        // The analysis is evidence only with its material kept (the signed report, the minutes).
        if (!hasAttachment)
        {
            return Error.Conflict(SelfInspectionErrors.AttachmentRequired, SelfInspectionErrors.Requirement);
        }

        MetCount = seen.Count(ComplianceStatus.Met);
        PartlyMetCount = seen.Count(ComplianceStatus.PartlyMet);
        NotMetCount = seen.Count(ComplianceStatus.NotMet);
        NotCoveredCount = seen.Count(ComplianceStatus.NotCoveredYet);
        RedRequirements = string.Join(',', seen.Items.Where(i => i.Status == ComplianceStatus.NotMet).Select(i => i.RequirementId));
        RecordedAt = now;
        return null;
    }
}

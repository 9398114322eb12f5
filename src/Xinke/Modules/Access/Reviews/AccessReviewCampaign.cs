using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Access.Reviews;

/// <summary>
/// One periodic review of who holds which role (ACC-04, 权限复核): opened for a quarter, answered
/// line by line by the departments' liaisons, closed with a report.
/// </summary>
public sealed class AccessReviewCampaign : IVersioned
{
    public const string CodeKind = "ARV";
    public const int PeriodMaxLength = 16;

    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The quarter reviewed, e.g. <c>2026Q1</c>.</summary>
    public required string Period { get; set; }

    public DateTime OpenedAt { get; set; }

    /// <summary>Null when the quarterly job opened it.</summary>
    public long? OpenedById { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Null when closed automatically after the due date and its grace.</summary>
    public long? ClosedById { get; set; }

    public long Version { get; set; }

    public bool IsOpen => ClosedAt is null;

    public Error? Close(long? by, DateTime now)
    {
        if (!IsOpen)
        {
            return Error.Conflict(AccessErrors.CampaignClosed, AccessErrors.Reviewing);
        }

        ClosedAt = now;
        ClosedById = by;
        return null;
    }

    /// <summary>The quarter of a day, as campaigns name it.</summary>
    public static string QuarterOf(DateOnly day) => $"{day.Year}Q{((day.Month - 1) / 3) + 1}";
}

namespace Xinke.Modules.Access;

/// <summary>The access policy (<c>Xinke:Access</c>): the inactivity rule, what the daily policy disables, and the review campaign's timing.</summary>
public sealed class AccessOptions
{
    public const string Section = "Xinke:Access";

    /// <summary>Days without a log-in (from creation when never logged in) after which an account is flagged.</summary>
    public int InactiveDays { get; set; } = 90;

    public bool DisableInactive { get; set; } = true;

    public bool DisableLeavers { get; set; } = true;

    /// <summary>Working days from a campaign's opening to its due date.</summary>
    public int ReviewDueWorkingDays { get; set; } = 10;

    /// <summary>Working days after opening when unanswered lines go to the department head.</summary>
    public int EscalateToHeadAfterWorkingDays { get; set; } = 5;

    /// <summary>Further working days after which lines still unanswered go to the IT director.</summary>
    public int EscalateToDirectorAfterWorkingDays { get; set; } = 3;

    /// <summary>Calendar days after the due date when an open campaign is closed automatically.</summary>
    public int CloseGraceDays { get; set; } = 5;
}

namespace Xinke.Modules.ServiceDesk.Tickets;

public static class TicketErrors
{
    public const string NotFound = "ticket.not_found";
    public const string InvalidKind = "ticket.invalid_kind";
    public const string InvalidTitle = "ticket.invalid_title";
    public const string InvalidDescription = "ticket.invalid_description";
    public const string InvalidLocation = "ticket.invalid_location";
    public const string InvalidPhone = "ticket.invalid_phone";
    public const string InvalidLevel = "ticket.invalid_level";
    public const string InvalidStatus = "ticket.invalid_status";
    public const string InvalidPriority = "ticket.invalid_priority";
    public const string InvalidReason = "ticket.invalid_reason";
    public const string InvalidCause = "ticket.invalid_cause";
    public const string InvalidRootCause = "ticket.invalid_root_cause";
    public const string InvalidResolution = "ticket.invalid_resolution";
    public const string InvalidScore = "ticket.invalid_score";
    public const string InvalidComment = "ticket.invalid_comment";
    public const string InvalidAssets = "ticket.invalid_assets";
    public const string UnknownCategory = "ticket.unknown_category";
    public const string UnknownSystem = "ticket.unknown_system";
    public const string UnknownDepartment = "ticket.unknown_department";
    public const string UnknownReporter = "ticket.unknown_reporter";
    public const string UnknownAssignee = "ticket.unknown_assignee";
    public const string UnknownGroup = "ticket.unknown_group";
    public const string AssigneeRequired = "ticket.assignee_required";
    public const string WrongState = "ticket.wrong_state";
    public const string NotReporter = "ticket.not_reporter";
    public const string ReopenWindowPassed = "ticket.reopen_window_passed";
    public const string AlreadyRated = "ticket.already_rated";
    public const string InternalCommentForbidden = "ticket.internal_comment_forbidden";

    /// <summary>User feedback and problems are received and resolved promptly.</summary>
    public const string Requirement = "OPS-07";

    /// <summary>Every workflow stage has a responsible person and a deadline.</summary>
    public const string StageRequirement = "CHG-07";
}

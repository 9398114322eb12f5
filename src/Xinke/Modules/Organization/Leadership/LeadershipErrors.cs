namespace Xinke.Modules.Organization.Leadership;

public static class LeadershipErrors
{
    public const string MemberNotFound = "leadership.member_not_found";
    public const string MeetingNotFound = "leadership.meeting_not_found";
    public const string UnknownAccount = "leadership.unknown_account";
    public const string InvalidPosition = "leadership.invalid_position";
    public const string InvalidDates = "leadership.invalid_dates";
    public const string InvalidReason = "leadership.invalid_reason";
    public const string AlreadyMember = "leadership.already_member";
    public const string LeaderExists = "leadership.leader_exists";
    public const string MembershipEnded = "leadership.membership_ended";
    public const string InvalidTitle = "leadership.invalid_title";
    public const string InvalidPlace = "leadership.invalid_place";
    public const string InvalidMinutes = "leadership.invalid_minutes";
    public const string InvalidAttendees = "leadership.invalid_attendees";
    public const string MinutesPublished = "leadership.minutes_published";
    public const string MinutesMissing = "leadership.minutes_missing";
    public const string InvalidDecision = "leadership.invalid_decision";
    public const string InvalidStatus = "leadership.invalid_status";

    /// <summary>The group exists, leads, and its decisions are recorded (ORG-01).</summary>
    public const string Requirement = "ORG-01";
}

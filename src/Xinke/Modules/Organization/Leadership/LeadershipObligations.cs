using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// The group meets periodically (ORG-01). The regulations fix no frequency, so the group meets
/// at least every half year (periods from 1 January and 1 July); a published meeting is the evidence.
/// </summary>
public sealed class LeadershipObligations : IObligationDeclarations
{
    public const string MeetingKey = "leadership.meeting";

    /// <summary>Half-yearly: each period starts at local midnight on 1 January and 1 July.</summary>
    public const string MeetingSchedule = "0 0 1 1,7 *";

    /// <summary>Minutes are often signed weeks after the meeting; a month of grace still counts them.</summary>
    public const int GraceHours = 30 * 24;

    public IEnumerable<ObligationDeclaration> Declarations =>
    [
        new(MeetingKey, "信息化领导小组会议", [LeadershipErrors.Requirement], ScheduleKind.Cron, MeetingSchedule, OwnerKind.Role, BuiltInRoles.ItDirector, GraceHours, LeadershipGroup.MeetingEvidenceKind),
    ];
}

using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>
/// The training duties, closed when a session of the kind gets its first passed attendance:
/// security awareness for all staff every year (SEC-05), and system-use training every half year
/// (STAFF-01). The regulations say the IT department trains staff regularly (定期) without a
/// period; half-yearly is the product's default, and the IT director may change the owner and grace.
/// </summary>
public sealed class StaffObligations : IObligationDeclarations
{
    public const string SecurityAwarenessKey = "staff.security_awareness_training";
    public const string SystemUseKey = "staff.system_use_training";

    public IEnumerable<ObligationDeclaration> Declarations { get; } =
    [
        new(SecurityAwarenessKey, "全院信息安全培训（每年）", ["SEC-05"], ScheduleKind.Cron, "0 0 1 1 *", OwnerKind.Role, BuiltInRoles.ItDirector, 30 * 24, TrainingService.SecurityAwarenessEvidence),
        new(SystemUseKey, "信息系统使用培训（每半年）", ["STAFF-01"], ScheduleKind.Cron, "0 0 1 1,7 *", OwnerKind.Role, BuiltInRoles.ItDirector, 14 * 24, TrainingService.SystemUseEvidence),
    ];
}

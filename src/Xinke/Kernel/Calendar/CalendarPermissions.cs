using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Calendar;

/// <summary>The IT department and its overseers read the business calendar; the IT director adds holiday years.</summary>
public static class CalendarPermissions
{
    public const string Read = "calendar.read";
    public const string Write = "calendar.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector),
    ];
}

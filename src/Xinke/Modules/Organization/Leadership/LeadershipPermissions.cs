using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// The group's records are read by the IT department, the leaders and reviewers; the IT
/// director (the group's secretary: the regulations name no other clerk) keeps them.
/// </summary>
public static class LeadershipPermissions
{
    public const string Read = "leadership.read";
    public const string Write = "leadership.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, BuiltInRoles.Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector),
    ];
}

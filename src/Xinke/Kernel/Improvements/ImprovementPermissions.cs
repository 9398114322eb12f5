using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Improvements;

/// <summary>
/// The register is read across the IT department, by leadership and reviewers, and by the
/// departments' own roles within their scope; engineers raise and edit actions; the IT
/// director verifies and cancels. The owner of an action starts and submits it whatever
/// their roles (the entity checks ownership).
/// </summary>
public static class ImprovementPermissions
{
    public const string Read = "improvements.read";
    public const string Write = "improvements.write";
    public const string Verify = "improvements.verify";
    public const string Cancel = "improvements.cancel";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector, ItEngineer),
        new(Verify, AdminDuty.None, ItDirector),
        new(Cancel, AdminDuty.None, ItDirector),
    ];
}

using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Systems;

/// <summary>
/// The register is read across the IT department, by leadership and reviewers, and by the
/// departments' heads and liaisons (they own systems); the IT director and engineers keep it.
/// The administrators' roles stay out: they run the product, not the hospital's systems.
/// </summary>
public static class SystemsPermissions
{
    public const string Read = "systems.read";
    public const string Write = "systems.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer, DeptHead, DeptLiaison),
        new(Write, AdminDuty.None, ItDirector, ItEngineer),
    ];
}

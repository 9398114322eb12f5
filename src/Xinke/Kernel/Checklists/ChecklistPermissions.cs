using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Checklists;

/// <summary>
/// The IT director manages templates; the IT department's engineers and duty staff perform
/// runs; leadership, reviewers and department roles (within their scope) read the records.
/// </summary>
public static class ChecklistPermissions
{
    public const string Read = "checklists.read";
    public const string Write = "checklists.write";
    public const string Run = "checklists.run";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector),
        new(Run, AdminDuty.None, ItDirector, ItEngineer, DutyOperator),
    ];
}

using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// Every member of staff reads the published articles (they search before filing a ticket); the
/// IT department writes, reviews and publishes them.
/// </summary>
public static class KnowledgePermissions
{
    public const string Read = "kb.read";
    public const string Write = "kb.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff, Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector, ItEngineer),
    ];
}

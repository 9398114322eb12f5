using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Evidence;

public static class EvidencePermissions
{
    /// <summary>See how well the records prove each rule (the compliance view and its API); department roles see their departments' part.</summary>
    public const string Read = "compliance.read";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, DeptHead, DeptLiaison, Leadership, Reviewer),
    ];
}

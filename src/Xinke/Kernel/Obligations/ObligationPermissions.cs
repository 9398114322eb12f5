using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Obligations;

public static class ObligationPermissions
{
    public const string Read = "obligations.read";
    public const string Write = "obligations.write";
    public const string Review = "obligations.review";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector),
        new(Review, AdminDuty.None, ItDirector, ItEngineer),
    ];
}

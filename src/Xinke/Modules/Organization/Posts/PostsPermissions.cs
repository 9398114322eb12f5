using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Organization.Posts;

/// <summary>The IT department, leadership and reviewers read the posts; the IT director writes them and assigns holders.</summary>
public static class PostsPermissions
{
    public const string Read = "posts.read";
    public const string Write = "posts.write";

    /// <summary>The roles that make an account a member of the IT department's staff.</summary>
    public static readonly string[] ItRoles = [ItDirector, ItEngineer, DutyOperator];

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, BuiltInRoles.Leadership, Reviewer),
        new(Write, AdminDuty.None, ItDirector),
    ];
}

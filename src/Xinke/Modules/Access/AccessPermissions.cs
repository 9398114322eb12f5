using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Access;

/// <summary>
/// Who asks for access and who reviews it. Staff file for themselves, a department's head and
/// liaison for their department, the IT director for anyone; the security administrator approves
/// the last step of a request (a power of the security duty, 三员分立) and, with the IT director,
/// runs the review campaigns.
/// </summary>
public static class AccessPermissions
{
    public const string RequestsRead = "permission-requests.read";
    public const string RequestsWrite = "permission-requests.write";

    /// <summary>Sees every request and, with <see cref="RequestsWrite"/>, files for anyone in any department (the IT department).</summary>
    public const string RequestsOversee = "permission-requests.oversee";

    public const string RequestsRevoke = "permission-requests.revoke";
    public const string ReviewsRead = "access-reviews.read";
    public const string ReviewsAnswer = "access-reviews.answer";
    public const string ReviewsManage = "access-reviews.manage";

    /// <summary>Decides a permission request as the security administrator, the step after the department head.</summary>
    public const string DecideAsSecurity = "approvals.security";

    /// <summary>Roles that only make sense for one department: a request for them names the department.</summary>
    public static readonly string[] DepartmentScopedRoles = [DeptHead, DeptLiaison];

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(RequestsRead, AdminDuty.None, ItDirector, SecAdmin, DeptHead, DeptLiaison, BuiltInRoles.Staff),
        new(RequestsWrite, AdminDuty.None, ItDirector, DeptHead, DeptLiaison, BuiltInRoles.Staff),
        new(RequestsOversee, AdminDuty.None, ItDirector, SecAdmin),
        new(RequestsRevoke, AdminDuty.Security, SecAdmin),
        new(ReviewsRead, AdminDuty.None, ItDirector, SecAdmin, DeptHead, DeptLiaison),
        new(ReviewsAnswer, AdminDuty.None, ItDirector, DeptHead, DeptLiaison),
        new(ReviewsManage, AdminDuty.None, ItDirector, SecAdmin),
        new(DecideAsSecurity, AdminDuty.Security, SecAdmin),
    ];
}

using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// The approval kernel's permissions: who reads and edits the policies, and the approver
/// capacities a policy's steps name (a module may declare finer ones of its own).
/// </summary>
public static class WorkflowPermissions
{
    public const string PoliciesRead = "approval-policies.read";
    public const string PoliciesWrite = "approval-policies.write";

    /// <summary>Decides as the director of the IT department.</summary>
    public const string DecideAsDirector = "approvals.director";

    /// <summary>Decides as hospital leadership (for example above a value).</summary>
    public const string DecideAsLeadership = "approvals.leadership";

    /// <summary>Decides as head of a department; policies usually limit it to the subject's department.</summary>
    public const string DecideAsDepartmentHead = "approvals.dept-head";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(PoliciesRead, AdminDuty.None, ItDirector, ItEngineer, Leadership),
        new(PoliciesWrite, AdminDuty.None, ItDirector),
        new(DecideAsDirector, AdminDuty.None, ItDirector),
        new(DecideAsLeadership, AdminDuty.None, Leadership),
        new(DecideAsDepartmentHead, AdminDuty.None, DeptHead),
    ];
}

using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Identity;

/// <summary>
/// The kernel's permissions. The audit permissions are declared here, ahead of the audit area,
/// because the separation of the three administrators is defined by them.
/// </summary>
public static class KernelPermissions
{
    public const string UsersRead = "users.read";
    public const string UsersWrite = "users.write";
    public const string SettingsWrite = "settings.write";
    public const string DepartmentsRead = "departments.read";
    public const string DepartmentsWrite = "departments.write";
    public const string RolesRead = "roles.read";
    public const string RolesWrite = "roles.write";
    public const string RolesGrant = "roles.grant";
    public const string SecurityPolicy = "security.policy";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string AuditVerify = "audit.verify";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(UsersRead, AdminDuty.None, SysAdmin, SecAdmin, ItDirector),
        new(UsersWrite, AdminDuty.System, SysAdmin),
        new(SettingsWrite, AdminDuty.System, SysAdmin),
        new(DepartmentsRead, AdminDuty.None, [.. BuiltInRoles.All.Except([AuditAdmin])]),
        new(DepartmentsWrite, AdminDuty.System, SysAdmin),
        new(RolesRead, AdminDuty.None, SysAdmin, SecAdmin, ItDirector),
        new(RolesWrite, AdminDuty.Security, SecAdmin),
        new(RolesGrant, AdminDuty.Security, SecAdmin),
        new(SecurityPolicy, AdminDuty.Security, SecAdmin),
        new(AuditRead, AdminDuty.Audit, AuditAdmin),
        new(AuditExport, AdminDuty.Audit, AuditAdmin),
        new(AuditVerify, AdminDuty.Audit, AuditAdmin),
    ];
}

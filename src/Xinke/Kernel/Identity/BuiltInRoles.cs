namespace Xinke.Kernel.Identity;

/// <summary>The roles every installation has; their permissions come from the modules' declarations.</summary>
public static class BuiltInRoles
{
    public const string SysAdmin = "sysadmin";
    public const string SecAdmin = "secadmin";
    public const string AuditAdmin = "auditadmin";
    public const string ItDirector = "it-director";
    public const string ItEngineer = "it-engineer";
    public const string DutyOperator = "duty-operator";
    public const string DeptHead = "dept-head";
    public const string DeptLiaison = "dept-liaison";
    public const string Staff = "staff";
    public const string Leadership = "leadership";
    public const string Reviewer = "reviewer";

    public static readonly string[] All =
        [SysAdmin, SecAdmin, AuditAdmin, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Staff, Leadership, Reviewer];

    public static readonly string[] Administrators = [SysAdmin, SecAdmin, AuditAdmin];

    /// <summary>Administrators and the IT department's roles must use a second factor.</summary>
    public static readonly string[] RequiringMfa = [SysAdmin, SecAdmin, AuditAdmin, ItDirector, ItEngineer, DutyOperator];
}

namespace Xinke.Kernel.Identity;

/// <summary>
/// A permission <c>&lt;module&gt;.&lt;action&gt;</c>, declared by the module that checks it, with the
/// built-in roles that hold it and, for the three administrators' powers, whose duty it is.
/// </summary>
public sealed record PermissionDeclaration(string Name, AdminDuty Duty, params string[] BuiltInRoles)
{
    public const int NameMaxLength = 64;
}

/// <summary>
/// The three separated administrator duties (三员分立). No account may hold powers of two duties,
/// whatever roles carry them.
/// </summary>
public enum AdminDuty
{
    None,
    System,
    Security,
    Audit,
}

namespace Xinke.Kernel.Identity;

/// <summary>A named set of permissions: built in (kept in step with the code) or made by the security administrator.</summary>
public sealed class Role
{
    public const int NameMaxLength = 64;

    public long Id { get; set; }

    public required string Name { get; set; }

    public bool BuiltIn { get; set; }

    /// <summary>Holders of this role must enrol a second factor.</summary>
    public bool RequiresMfa { get; set; }

    public List<RolePermissionEntry> Permissions { get; set; } = [];
}

public sealed class RolePermissionEntry
{
    public long RoleId { get; set; }

    public required string Permission { get; set; }
}

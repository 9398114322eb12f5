namespace Xinke.Kernel.Identity;

/// <summary>One role assignment of an account, with the role's permissions, as a caller is built from it.</summary>
public sealed class CallerAssignment
{
    public long? DepartmentId { get; init; }

    public required string Role { get; init; }

    public bool RequiresMfa { get; init; }

    public required List<string> Permissions { get; init; }
}

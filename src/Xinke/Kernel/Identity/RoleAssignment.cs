namespace Xinke.Kernel.Identity;

/// <summary>A role held by an account, for the whole hospital or for one department and its sub-departments.</summary>
public sealed class RoleAssignment
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public long RoleId { get; set; }

    public Role? Role { get; set; }

    public long? DepartmentId { get; set; }
}

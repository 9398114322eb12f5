namespace Xinke.Kernel.Departments;

/// <summary>
/// A node of the hospital -> campus -> department -> ward tree. <see cref="Path"/> lists the
/// ids from the root (<c>/1/4/9/</c>), so a department and all beneath it are one prefix match.
/// </summary>
public sealed class Department
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }

    public required string Name { get; set; }

    public DepartmentKind Kind { get; set; }

    public long? ParentId { get; set; }

    public string Path { get; set; } = "/";

    public static Error? CheckPlacement(DepartmentKind kind, Department? parent)
    {
        if (parent is null)
        {
            return kind == DepartmentKind.Hospital ? null : Error.Invalid(DepartmentErrors.RootMustBeHospital, "kind");
        }

        return kind > parent.Kind ? null : Error.Invalid(DepartmentErrors.KindBelowParent, "kind");
    }
}

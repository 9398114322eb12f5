namespace Xinke.Kernel.Departments;

/// <summary>Levels of the department tree, outermost first; a child is always of a deeper kind.</summary>
public enum DepartmentKind
{
    Hospital,
    Campus,
    Department,
    Ward,
}

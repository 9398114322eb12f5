namespace Xinke.Kernel.Departments;

/// <summary>
/// The two questions every module asks of the department tree: which departments lie beneath
/// one (to narrow a report or a list to it) and which lie above one (to find whose duty a record
/// is — a ward's nurse belongs to her department's head and liaison as well).
/// </summary>
public static class DepartmentTree
{
    /// <summary>
    /// The department and every department beneath it, as a query to compose into another one,
    /// so the subtree is never loaded. An unknown department yields nothing.
    /// </summary>
    public static IQueryable<long> SelfAndBeneath(this IQueryable<Department> departments, long departmentId) =>
        departments.Where(d => departments.Any(root => root.Id == departmentId && d.Path.StartsWith(root.Path))).Select(d => d.Id);

    /// <summary>The ids on a department's <see cref="Department.Path"/>, the department itself first and the hospital last.</summary>
    public static IReadOnlyList<long> SelfAndAboveNearestFirst(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Reverse()];
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Departments;

/// <summary>
/// Department scoping for every module's lists, exports and details: a caller whose permission
/// comes from department-scoped roles reaches the records of those departments and the ones
/// beneath them only. A record outside the scope is answered as not found (DESIGN.md: 404).
/// </summary>
public sealed class DepartmentScope(CurrentCaller current, XinkeDb db)
{
    /// <summary>
    /// Narrows <paramref name="query"/> to what the caller may reach with <paramref name="permission"/>.
    /// Records without a department belong to the whole hospital: only unscoped callers reach them.
    /// </summary>
    public async Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, string permission, Expression<Func<T, long?>> departmentOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departmentOf);
        var departments = await DepartmentsAsync(permission, cancellationToken);
        if (departments is null)
        {
            return query;
        }

        // x => reachable.Contains(departmentOf(x)); the closure makes EF send the list as a parameter.
        var reachable = departments.Select(d => (long?)d).ToList();
        Expression<Func<List<long?>>> parameter = () => reachable;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long?)], parameter.Body, departmentOf.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, departmentOf.Parameters));
    }

    /// <summary>Every department the permission reaches (the scope roots and their sub-departments), or null for all.</summary>
    public async Task<IReadOnlyList<long>?> DepartmentsAsync(string permission, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return [];
        }

        var roots = caller.ScopeRootsOf(permission);
        if (roots is null || roots.Count == 0)
        {
            return roots;
        }

        var rootPaths = await db.Set<Department>().AsNoTracking().Where(d => roots.Contains(d.Id)).Select(d => d.Path).ToListAsync(cancellationToken);
        var all = await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Path }).ToListAsync(cancellationToken);
        return [.. all.Where(d => rootPaths.Any(root => d.Path.StartsWith(root, StringComparison.Ordinal))).Select(d => d.Id)];
    }
}

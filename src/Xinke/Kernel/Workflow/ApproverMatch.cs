using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// Who may decide a step, asked of the caller's rights as loaded for this request (so a right
/// taken away counts at once). A permission step admits its holders; a department-limited one
/// only those whose grant covers the subject's department (hospital-wide holders qualify too);
/// a named step admits that account alone.
/// </summary>
public sealed class ApproverMatch(XinkeDb db)
{
    /// <summary>Whether <paramref name="caller"/> is an approver of <paramref name="step"/>, and the permission that makes it one (null for a named step).</summary>
    public async Task<(bool Allowed, string? Permission)> MatchAsync(Caller caller, ApprovalRequest request, ApprovalStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(step);
        if (step.AccountId is { } named)
        {
            return (named == caller.Id, null);
        }

        var permission = step.Permission ?? throw new InvalidOperationException($"Step {step.Id} names no approver.");
        var roots = caller.ScopeRootsOf(permission);
        if (roots is null)
        {
            return (true, permission);
        }

        if (roots.Count == 0)
        {
            return (false, null);
        }

        if (!step.DepartmentLimited)
        {
            return (true, permission);
        }

        if (request.SubjectDepartmentId is not { } department)
        {
            return (false, null);
        }

        var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
        return path is not null && roots.Any(root => path.Contains($"/{root}/", StringComparison.Ordinal)) ? (true, permission) : (false, null);
    }

    /// <summary>
    /// The pending requests <paramref name="caller"/> may decide now, as one query: not its own,
    /// not yet decided by it, and an active step it qualifies for. Evaluated by the database, so
    /// the inbox pages and the badge counts cheaply.
    /// </summary>
    public async Task<Expression<Func<ApprovalRequest, bool>>> WaitingForAsync(Caller caller, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var me = caller.Id;
        var hospitalWide = new List<string>();
        var scoped = new Dictionary<string, (IReadOnlyList<long> Roots, List<string> Permissions)>(StringComparer.Ordinal);
        foreach (var permission in caller.Permissions)
        {
            var roots = caller.ScopeRootsOf(permission);
            if (roots is null)
            {
                hospitalWide.Add(permission);
                continue;
            }

            var key = string.Join(',', roots.Order());
            if (!scoped.TryGetValue(key, out var group))
            {
                scoped[key] = group = (roots, []);
            }

            group.Permissions.Add(permission);
        }

        Expression<Func<ApprovalRequest, bool>> qualifies = r => r.Steps.Any(s => s.State == ApprovalStepState.Active
            && (s.AccountId == me || (s.Permission != null && hospitalWide.Contains(s.Permission))));
        if (scoped.Count > 0)
        {
            var departments = await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Path }).ToListAsync(cancellationToken);
            foreach (var (roots, permissions) in scoped.Values)
            {
                var reachable = departments
                    .Where(d => roots.Any(root => d.Path.Contains($"/{root}/", StringComparison.Ordinal)))
                    .Select(d => (long?)d.Id)
                    .ToList();
                Expression<Func<ApprovalRequest, bool>> byScope = r => r.Steps.Any(s => s.State == ApprovalStepState.Active
                    && s.Permission != null && permissions.Contains(s.Permission)
                    && (!s.DepartmentLimited || reachable.Contains(r.SubjectDepartmentId)));
                qualifies = Or(qualifies, byScope);
            }
        }

        Expression<Func<ApprovalRequest, bool>> open = r => r.State == ApprovalState.Pending && r.Deadline > now
            && r.RequesterId != me && !r.Decisions.Any(d => d.AccountId == me);
        return And(open, qualifies);
    }

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    /// <summary>Makes two lambdas share one parameter, so their bodies can be joined into one query.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;

namespace Xinke.Kernel.Identity;

public sealed record AssignmentInput(string? Role, long? DepartmentId);

/// <summary>
/// Roles and their grants, as the security administrator keeps them. The separation of the
/// three administrators is checked on the permissions a change would give, so no mix of
/// built-in and custom roles can join two administrator duties in one account.
/// </summary>
public sealed partial class RoleService(XinkeDb db, PermissionCatalog catalog, ILogger<RoleService> logger)
{
    public const string SeparationRequirement = "ACC-02";

    public Task<List<Role>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<Role>().AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public async Task<Result<Role>> CreateCustomAsync(string? name, IReadOnlyList<string>? permissions, bool requiresMfa, CancellationToken cancellationToken)
    {
        if (name is null || !RoleNamePattern().IsMatch(name))
        {
            return Error.Invalid(IdentityErrors.InvalidRoleName, "name");
        }

        permissions ??= [];
        if (permissions.FirstOrDefault(p => !catalog.Exists(p)) is { } unknown)
        {
            return Error.Invalid(IdentityErrors.UnknownPermission, "permissions", unknown);
        }

        if (catalog.DutiesOf(permissions).Count > 1)
        {
            return Error.Conflict(IdentityErrors.SeparationOfDuties, SeparationRequirement);
        }

        if (await db.Set<Role>().AnyAsync(r => r.Name == name, cancellationToken))
        {
            return Error.Conflict(IdentityErrors.RoleNameTaken);
        }

        var role = new Role
        {
            Name = name,
            RequiresMfa = requiresMfa || catalog.DutiesOf(permissions).Count > 0,
            Permissions = [.. permissions.Distinct(StringComparer.Ordinal).Select(p => new RolePermissionEntry { Permission = p })],
        };
        db.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Custom role {Role} created with {Count} permission(s)", name, role.Permissions.Count);
        return role;
    }

    /// <summary>Replaces the roles of an account.</summary>
    public async Task<Result<List<RoleAssignment>>> SetAssignmentsAsync(Caller grantor, long accountId, IReadOnlyList<AssignmentInput>? assignments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grantor);
        if (grantor.Id == accountId)
        {
            return Error.Conflict(IdentityErrors.SelfGrant, SeparationRequirement);
        }

        if (!await db.Set<Account>().AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return Error.NotFound("request.not_found");
        }

        assignments ??= [];
        var names = assignments.Select(a => a.Role ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var roles = await db.Set<Role>().AsNoTracking().Include(r => r.Permissions).Where(r => names.Contains(r.Name)).ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken);
        if (names.FirstOrDefault(n => !roles.ContainsKey(n)) is { } unknownRole)
        {
            return Error.Invalid(IdentityErrors.UnknownRole, "assignments", unknownRole);
        }

        var departmentIds = assignments.Where(a => a.DepartmentId is not null).Select(a => a.DepartmentId!.Value).Distinct().ToList();
        var known = await db.Set<Department>().Where(d => departmentIds.Contains(d.Id)).CountAsync(cancellationToken);
        if (known != departmentIds.Count)
        {
            return Error.Invalid(IdentityErrors.UnknownDepartment, "assignments");
        }

        if (catalog.DutiesOf(roles.Values.SelectMany(r => r.Permissions).Select(p => p.Permission)).Count > 1)
        {
            return Error.Conflict(IdentityErrors.SeparationOfDuties, SeparationRequirement);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<RoleAssignment>().Where(a => a.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        var rows = assignments.DistinctBy(a => (a.Role, a.DepartmentId))
            .Select(a => new RoleAssignment { AccountId = accountId, RoleId = roles[a.Role!].Id, DepartmentId = a.DepartmentId })
            .ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {Grantor} set the roles of account {AccountId}: {Roles}", grantor.Id, accountId, string.Join(", ", names));
        return rows;
    }

    /// <summary>
    /// Adds one role, hospital-wide or for one department, to an account's roles, keeping the others:
    /// what a granted permission request does. <paramref name="grantorId"/> is the account on whose
    /// decision it happens (it may not be the receiving account); null for the system. Joins the
    /// caller's transaction. Granting what the account already holds changes nothing.
    /// </summary>
    public async Task<Result<RoleAssignment>> GrantAsync(long? grantorId, long accountId, string role, long? departmentId, CancellationToken cancellationToken)
    {
        if (grantorId == accountId)
        {
            return Error.Conflict(IdentityErrors.SelfGrant, SeparationRequirement);
        }

        var granted = await db.Set<Role>().AsNoTracking().Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Name == role, cancellationToken);
        if (granted is null)
        {
            return Error.Invalid(IdentityErrors.UnknownRole, "role", role);
        }

        if (departmentId is not null && !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return Error.Invalid(IdentityErrors.UnknownDepartment, "departmentId");
        }

        var held = await db.Set<RoleAssignment>().Where(a => a.AccountId == accountId).Include(a => a.Role!.Permissions).ToListAsync(cancellationToken);
        if (held.FirstOrDefault(a => a.RoleId == granted.Id && a.DepartmentId == departmentId) is { } existing)
        {
            return existing;
        }

        if (catalog.DutiesOf(held.SelectMany(a => a.Role!.Permissions).Concat(granted.Permissions).Select(p => p.Permission)).Count > 1)
        {
            return Error.Conflict(IdentityErrors.SeparationOfDuties, SeparationRequirement);
        }

        var assignment = new RoleAssignment { AccountId = accountId, RoleId = granted.Id, DepartmentId = departmentId };
        db.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Role {Role} (department {DepartmentId}) granted to account {AccountId} on the decision of {Grantor}", role, departmentId, accountId, grantorId);
        return assignment;
    }

    /// <summary>
    /// Takes one role (for one department, or hospital-wide) from an account, keeping the others; joins
    /// the caller's transaction. False when the account did not hold it.
    /// </summary>
    public async Task<bool> RevokeAsync(long accountId, long roleId, long? departmentId, CancellationToken cancellationToken)
    {
        var held = await db.Set<RoleAssignment>().Where(a => a.AccountId == accountId && a.RoleId == roleId && a.DepartmentId == departmentId).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return false;
        }

        db.RemoveRange(held);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Role {RoleId} (department {DepartmentId}) revoked from account {AccountId}", roleId, departmentId, accountId);
        return true;
    }

    /// <summary>Brings the built-in roles in step with the permissions the modules declare.</summary>
    public async Task SyncBuiltInAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Set<Role>().Include(r => r.Permissions).Where(r => r.BuiltIn).ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var name in BuiltInRoles.All)
        {
            if (!existing.TryGetValue(name, out var role))
            {
                role = new Role { Name = name, BuiltIn = true };
                db.Add(role);
            }

            role.RequiresMfa = BuiltInRoles.RequiringMfa.Contains(name);
            var wanted = catalog.OfBuiltInRole(name).ToHashSet(StringComparer.Ordinal);
            role.Permissions.RemoveAll(p => !wanted.Contains(p.Permission));
            role.Permissions.AddRange(wanted.Except(role.Permissions.Select(p => p.Permission)).Select(p => new RolePermissionEntry { Permission = p }));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")]
    private static partial Regex RoleNamePattern();
}

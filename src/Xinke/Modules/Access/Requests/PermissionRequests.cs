using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Requests;

/// <summary>
/// Permission requests (ACC-02): filed by the person, their department's head or liaison, or the
/// IT department; approved by the department head and then the security administrator; granted
/// granted and ended by <see cref="PermissionGrants"/>.
/// </summary>
public sealed class PermissionRequests(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    CurrentCaller current,
    DepartmentScope scope,
    PeopleDirectory people,
    PermissionCatalog catalog,
    ApprovalService approvals)
{
    public const string ApprovalKind = "access.permission";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<PermissionRequest>> FileAsync(PermissionRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null || input.PersonId is not { } personId || await people.FindAsync(personId, cancellationToken) is not { } person)
        {
            return Error.NotFound(AccessErrors.PersonNotFound);
        }

        var filesForAnyone = caller.Has(AccessPermissions.RequestsOversee);
        if (!filesForAnyone && !await MayFileForAsync(caller, person, cancellationToken))
        {
            return Error.NotFound(AccessErrors.PersonNotFound);
        }

        if (person.Status == PersonStatus.Left)
        {
            return Error.Conflict(AccessErrors.PersonLeft, AccessErrors.Granting);
        }

        if (!PermissionRequest.ValidPurpose(input.Purpose))
        {
            return Error.Invalid(AccessErrors.InvalidPurpose, "purpose", PermissionRequest.PurposeMaxLength);
        }

        if (!PermissionRequest.ValidText(input.DataClasses) || !PermissionRequest.ValidText(input.Systems))
        {
            return Error.Invalid(AccessErrors.InvalidText, PermissionRequest.ValidText(input.DataClasses) ? "systems" : "dataClasses", PermissionRequest.TextMaxLength);
        }

        var role = await db.Set<Role>().AsNoTracking().Include(r => r.Permissions).SingleOrDefaultAsync(r => r.Name == input.Role, cancellationToken);
        if (role is null)
        {
            return Error.Invalid(AccessErrors.UnknownRole, "role");
        }

        if (IsAdministratorRole(role))
        {
            return Error.Conflict(AccessErrors.AdministratorRole, AccessErrors.Granting);
        }

        if (await ScopeErrorAsync(role.Name, input.DepartmentId, person.DepartmentId, filesForAnyone, cancellationToken) is { } badScope)
        {
            return badScope;
        }

        if (input.EndsOn is { } ends && ends <= Today)
        {
            return Error.Invalid(AccessErrors.InvalidEndDate, "endsOn");
        }

        if (await db.Set<PermissionRequest>().AnyAsync(r => r.PersonId == person.Id && r.RoleId == role.Id && r.DepartmentId == input.DepartmentId && r.Status == PermissionRequestStatus.Pending, cancellationToken))
        {
            return Error.Conflict(AccessErrors.Duplicate, AccessErrors.Granting);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = new PermissionRequest
        {
            Code = await codes.NextAsync(PermissionRequest.CodeKind, cancellationToken),
            PersonId = person.Id,
            PersonDepartmentId = person.DepartmentId,
            AccountId = person.AccountId,
            RoleId = role.Id,
            RoleName = role.Name,
            DepartmentId = input.DepartmentId,
            Purpose = input.Purpose!.Trim(),
            DataClasses = Trimmed(input.DataClasses),
            Systems = Trimmed(input.Systems),
            EndsOn = input.EndsOn,
            RequesterId = caller.Id,
            Status = PermissionRequestStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var summary = Summary(request, person);
        var subject = new ApprovalSubject("access", nameof(PermissionRequest), request.Id.ToString(CultureInfo.InvariantCulture), request.Code, summary, person.DepartmentId);
        var started = await approvals.StartAsync(subject, ApprovalKind, caller.Id, null, cancellationToken);
        if (!started.Succeeded)
        {
            return started.Error!;
        }

        await db.SaveChangesAsync(cancellationToken);
        request.ApprovalId = started.Value!.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// The requests the caller may see: the IT department and the security administrator all of
    /// them; others those they filed or that are for them, and those of the departments their
    /// department-scoped roles reach.
    /// </summary>
    public async Task<IQueryable<PermissionRequest>> VisibleAsync(CancellationToken cancellationToken)
    {
        var all = db.Set<PermissionRequest>().AsQueryable();
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return all.Where(_ => false);
        }

        if (caller.Has(AccessPermissions.RequestsOversee))
        {
            return all;
        }

        var departments = caller.ScopeRootsOf(AccessPermissions.RequestsRead) is null ? [] : (await scope.DepartmentsAsync(AccessPermissions.RequestsRead, cancellationToken))!.ToList();
        var me = caller.Id;
        var myPerson = (await people.FindByAccountAsync(me, cancellationToken))?.Id;
        return all.Where(r => r.RequesterId == me || r.AccountId == me || r.PersonId == myPerson || departments.Contains(r.PersonDepartmentId));
    }

    public async Task<PermissionRequest?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public static string Describe(PermissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.DepartmentId is { } department ? string.Create(CultureInfo.InvariantCulture, $"{request.RoleName}@{department}") : request.RoleName;
    }

    public static string Link(PermissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"/access/requests/{request.Id}");
    }

    /// <summary>Administrator roles are never requested: the security administrator assigns them (三员分立).</summary>
    private bool IsAdministratorRole(Role role) =>
        BuiltInRoles.Administrators.Contains(role.Name) || catalog.DutiesOf(role.Permissions.Select(p => p.Permission)).Count > 0;

    private async Task<bool> MayFileForAsync(Caller caller, PersonSummary person, CancellationToken cancellationToken)
    {
        if (person.AccountId == caller.Id)
        {
            return true;
        }

        // The head or liaison of the person's department or of one above it (a ward's nurse belongs to her department's liaison).
        var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == person.DepartmentId).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        foreach (var departmentId in DepartmentTree.SelfAndAboveNearestFirst(path))
        {
            var contacts = await people.ContactsOfAsync(departmentId, cancellationToken);
            if (contacts.HeadAccountId == caller.Id || contacts.LiaisonAccountId == caller.Id)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Error?> ScopeErrorAsync(string role, long? departmentId, long personDepartmentId, bool anyDepartment, CancellationToken cancellationToken)
    {
        if (departmentId is null)
        {
            return AccessPermissions.DepartmentScopedRoles.Contains(role) ? Error.Invalid(AccessErrors.ScopeRequired, "departmentId") : null;
        }

        var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == departmentId).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
        var inside = path is not null && (anyDepartment || path.Contains(string.Create(CultureInfo.InvariantCulture, $"/{personDepartmentId}/"), StringComparison.Ordinal));
        return inside ? null : Error.Invalid(AccessErrors.ScopeOutside, "departmentId");
    }

    private static string Summary(PermissionRequest request, PersonSummary person)
    {
        var text = $"{person.Name}（{person.EmployeeNumber}）· {Describe(request)}";
        return text.Length > ApprovalRequest.SummaryMaxLength ? text[..ApprovalRequest.SummaryMaxLength] : text;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

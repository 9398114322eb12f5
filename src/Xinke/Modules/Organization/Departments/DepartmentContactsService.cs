using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Departments;

/// <summary>
/// Names each department's head and IT liaison (ORG-03). Both must be active people of that
/// department or beneath it; a department (of kind department) without a liaison is a gap.
/// </summary>
public sealed class DepartmentContactsService(XinkeDb db, DepartmentScope scope)
{
    public const string Requirement = "ORG-03";

    /// <summary>The departments the caller reaches with <paramref name="permission"/>, in tree order, with their contacts.</summary>
    public async Task<IReadOnlyList<DepartmentContactsDto>> ListAsync(string permission, CancellationToken cancellationToken)
    {
        var departments = await (await scope.ApplyAsync(db.Set<Department>().AsNoTracking(), permission, d => d.Id, cancellationToken))
            .OrderBy(d => d.Path).ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var contacts = await db.Set<DepartmentContacts>().AsNoTracking().Where(c => ids.Contains(c.DepartmentId)).ToDictionaryAsync(c => c.DepartmentId, cancellationToken);
        var personIds = contacts.Values.SelectMany(c => new[] { c.HeadPersonId, c.LiaisonPersonId }).OfType<long>().Distinct().ToList();
        var people = await (from person in db.Set<Person>().AsNoTracking()
                            where personIds.Contains(person.Id)
                            join account in db.Set<Account>() on person.Id equals account.PersonId into accounts
                            from account in accounts.DefaultIfEmpty()
                            select new ContactPerson(person.Id, person.EmployeeNumber, person.Name, account == null ? null : account.Id))
            .ToDictionaryAsync(p => p.PersonId, cancellationToken);
        return [.. departments.Select(d =>
        {
            var c = contacts.GetValueOrDefault(d.Id);
            var head = c?.HeadPersonId is { } h ? people.GetValueOrDefault(h) : null;
            var liaison = c?.LiaisonPersonId is { } l ? people.GetValueOrDefault(l) : null;
            return new DepartmentContactsDto(d.Id, d.Name, d.Kind, d.Path, head, liaison, d.Kind == DepartmentKind.Department && liaison is null, c?.Version ?? 0);
        })];
    }

    /// <summary>Departments (of kind department) in reach without a named liaison who is still with the hospital.</summary>
    public async Task<IReadOnlyList<Department>> WithoutLiaisonAsync(IReadOnlyList<long>? reachable, CancellationToken cancellationToken)
    {
        var departments = db.Set<Department>().AsNoTracking().Where(d => d.Kind == DepartmentKind.Department);
        if (reachable is not null)
        {
            departments = departments.Where(d => reachable.Contains(d.Id));
        }

        return await departments
            .Where(d => !db.Set<DepartmentContacts>().Any(c => c.DepartmentId == d.Id && c.LiaisonPersonId != null
                && db.Set<Person>().Any(p => p.Id == c.LiaisonPersonId && p.Status != PersonStatus.Left)))
            .OrderBy(d => d.Path)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sets both contacts (null clears one); the precondition guards an existing record against a stale edit.</summary>
    public async Task<Result<DepartmentContacts>> SetAsync(long departmentId, ContactsInput input, Func<DepartmentContacts, Error?>? precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reachable = await scope.DepartmentsAsync(OrganizationPermissions.ContactsWrite, cancellationToken);
        var department = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, cancellationToken);
        if (department is null || (reachable is not null && !reachable.Contains(departmentId)))
        {
            return Error.NotFound("request.not_found");
        }

        if (await PersonErrorAsync(department, input.HeadPersonId, "headPersonId", cancellationToken) is { } head)
        {
            return head;
        }

        if (await PersonErrorAsync(department, input.LiaisonPersonId, "liaisonPersonId", cancellationToken) is { } liaison)
        {
            return liaison;
        }

        var contacts = await db.Set<DepartmentContacts>().SingleOrDefaultAsync(c => c.DepartmentId == departmentId, cancellationToken);
        if (contacts is null)
        {
            contacts = new DepartmentContacts { DepartmentId = departmentId };
            db.Add(contacts);
        }
        else if (precondition?.Invoke(contacts) is { } stale)
        {
            return stale;
        }

        contacts.HeadPersonId = input.HeadPersonId;
        contacts.LiaisonPersonId = input.LiaisonPersonId;
        await db.SaveChangesAsync(cancellationToken);
        return contacts;
    }

    private async Task<Error?> PersonErrorAsync(Department department, long? personId, string field, CancellationToken cancellationToken)
    {
        if (personId is null)
        {
            return null;
        }

        var person = await (from p in db.Set<Person>().AsNoTracking()
                            join d in db.Set<Department>() on p.DepartmentId equals d.Id
                            where p.Id == personId
                            select new { p.Status, d.Path }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || !person.Path.StartsWith(department.Path, StringComparison.Ordinal))
        {
            return Error.Invalid(DepartmentContactsErrors.NotInDepartment, field);
        }

        return person.Status == PersonStatus.Left ? Error.Invalid(DepartmentContactsErrors.PersonLeft, field) : null;
    }
}

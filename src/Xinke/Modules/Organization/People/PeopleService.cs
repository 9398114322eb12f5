using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Organization.People;

/// <summary>Checks a change just before it is saved; returns an error (a stale If-Match) to refuse it.</summary>
public delegate Error? PersonPrecondition(Person person);

/// <summary>
/// The people register's use cases, one transaction each, within the caller's department scope:
/// a person outside it is not found. A person who leaves loses their account's access at once.
/// </summary>
public sealed partial class PeopleService(XinkeDb db, DepartmentScope scope, AccountService accounts, HospitalClock hospital, TimeProvider clock, ILogger<PeopleService> logger)
{
    public DateOnly Today => DateOnly.FromDateTime(hospital.ToLocal(clock.GetUtcNow()).DateTime);

    public async Task<IQueryable<Person>> VisibleAsync(string permission, CancellationToken cancellationToken) =>
        await scope.ApplyAsync(db.Set<Person>().AsQueryable(), permission, p => p.DepartmentId, cancellationToken);

    public async Task<Person?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(OrganizationPermissions.PeopleRead, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Whether the caller's write scope reaches the person (a reader may see more than they may change).</summary>
    public async Task<bool> FindWritableAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(OrganizationPermissions.PeopleWrite, cancellationToken)).AnyAsync(p => p.Id == id, cancellationToken);

    public async Task<Result<Person>> CreateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var person = new Person { EmployeeNumber = input.EmployeeNumber?.Trim() ?? string.Empty, Name = input.Name?.Trim() ?? string.Empty };
        if (Check(input.EmployeeNumber, input.Name, input.Title, input.Phone) is { } invalid)
        {
            return invalid;
        }

        if (await DepartmentErrorAsync(input.DepartmentId, cancellationToken) is { } department)
        {
            return department;
        }

        if (await db.Set<Person>().AnyAsync(p => p.EmployeeNumber == person.EmployeeNumber, cancellationToken))
        {
            return Error.Conflict(PersonErrors.EmployeeNumberTaken);
        }

        person.DepartmentId = input.DepartmentId!.Value;
        person.Title = Blank(input.Title);
        person.Phone = Blank(input.Phone);
        person.Status = PersonStatus.Active;
        person.CreatedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    public Task<Result<Person>> EditAsync(long id, PersonPatch patch, PersonPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async person =>
        {
            ArgumentNullException.ThrowIfNull(patch);
            if (Check(person.EmployeeNumber, patch.Name ?? person.Name, patch.Title, patch.Phone) is { } invalid)
            {
                return invalid;
            }

            if (patch.DepartmentId is { } departmentId && departmentId != person.DepartmentId && await DepartmentErrorAsync(departmentId, cancellationToken) is { } department)
            {
                return department;
            }

            person.Name = patch.Name?.Trim() ?? person.Name;
            person.DepartmentId = patch.DepartmentId ?? person.DepartmentId;
            person.Title = patch.Title is null ? person.Title : Blank(patch.Title);
            person.Phone = patch.Phone is null ? person.Phone : Blank(patch.Phone);
            return null;
        }, cancellationToken);

    /// <summary>Active, on leave or left; leaving disables the person's account in the same transaction.</summary>
    public Task<Result<Person>> ChangeStatusAsync(long id, PersonStatusInput input, PersonPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async person =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (!Enum.TryParse<PersonStatus>(input.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(PersonErrors.InvalidStatus, "status");
            }

            if (input.LeftOn is { } leftOn && (status != PersonStatus.Left || leftOn > Today))
            {
                return Error.Invalid(PersonErrors.InvalidLeftOn, "leftOn");
            }

            person.ChangeStatus(status, input.LeftOn ?? Today);
            return status == PersonStatus.Left ? await DisableAccountAsync(person, cancellationToken) : null;
        }, cancellationToken);

    public static Error? Check(string? employeeNumber, string? name, string? title, string? phone)
    {
        if (string.IsNullOrWhiteSpace(employeeNumber) || employeeNumber.Trim().Length > Person.EmployeeNumberMaxLength || !EmployeeNumberPattern().IsMatch(employeeNumber.Trim()))
        {
            return Error.Invalid(PersonErrors.InvalidEmployeeNumber, "employeeNumber");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > Person.NameMaxLength)
        {
            return Error.Invalid(PersonErrors.InvalidName, "name");
        }

        if (title?.Trim().Length > Person.TitleMaxLength)
        {
            return Error.Invalid(PersonErrors.InvalidTitle, "title");
        }

        return !string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()) ? Error.Invalid(PersonErrors.InvalidPhone, "phone") : null;
    }

    private async Task<Error?> DisableAccountAsync(Person person, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().AsNoTracking().Where(a => a.PersonId == person.Id).Select(a => new { a.Id, a.State }).SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.State == AccountState.Disabled)
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (await accounts.DisableAsync(account.Id, cancellationToken) is { } refused)
        {
            // The security and audit administrators are disabled from the server console only; the access review flags them.
            logger.LogWarning("Person {PersonId} left but account {AccountId} could not be disabled: {Code}", person.Id, account.Id, refused.Code);
        }

        return null;
    }

    private async Task<Result<Person>> ChangeAsync(long id, PersonPrecondition? precondition, Func<Person, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var person = await (await VisibleAsync(OrganizationPermissions.PeopleWrite, cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Error.NotFound("request.not_found");
        }

        if (precondition?.Invoke(person) is { } stale)
        {
            return stale;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(person) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return person;
    }

    private async Task<Error?> DepartmentErrorAsync(long? departmentId, CancellationToken cancellationToken)
    {
        if (departmentId is null || !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return Error.Invalid(PersonErrors.UnknownDepartment, "departmentId");
        }

        var reachable = await scope.DepartmentsAsync(OrganizationPermissions.PeopleWrite, cancellationToken);
        return reachable is null || reachable.Contains(departmentId.Value) ? null : Error.Invalid(PersonErrors.UnknownDepartment, "departmentId");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex EmployeeNumberPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,30}$")]
    private static partial Regex PhonePattern();
}

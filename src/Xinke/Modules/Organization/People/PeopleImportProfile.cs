using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Import;

namespace Xinke.Modules.Organization.People;

/// <summary>
/// Imports the personnel office's staff list: one row per person, the department by its name. A row
/// whose employee number is already registered, repeats an earlier row or names no (or more than one)
/// department is rejected with the reason; registered people are changed on their own page, never
/// overwritten by a file.
/// </summary>
public sealed class PeopleImportProfile(XinkeDb db, DepartmentScope scope, HospitalClock hospital, TimeProvider clock) : IImportProfile<Person>
{
    public const string EmployeeNumber = "employeeNumber";
    public const string Name = "name";
    public const string Department = "department";
    public const string Title = "title";
    public const string Phone = "phone";
    public const string Status = "status";
    public const string DepartmentUnknown = "person.import.unknown_department";
    public const string DepartmentAmbiguous = "person.import.ambiguous_department";

    private static readonly Dictionary<string, PersonStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["在职"] = PersonStatus.Active,
        ["Active"] = PersonStatus.Active,
        ["休假"] = PersonStatus.OnLeave,
        ["On leave"] = PersonStatus.OnLeave,
        ["OnLeave"] = PersonStatus.OnLeave,
        ["离职"] = PersonStatus.Left,
        ["Left"] = PersonStatus.Left,
    };

    private readonly Dictionary<Person, string> departmentNames = [];

    string IImportProfile<Person>.Name => "people";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new(EmployeeNumber, true, "工号", "Employee number"),
        new(Name, true, "姓名", "Name"),
        new(Department, true, "科室", "Department"),
        new(Title, false, "职务/职称", "Title"),
        new(Phone, false, "电话", "Phone"),
        new(Status, false, "状态", "Status"),
    ];

    public Person? Parse(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var employeeNumber = row.Text(EmployeeNumber, Person.EmployeeNumberMaxLength, required: true);
        var name = row.Text(Name, Person.NameMaxLength, required: true);
        var department = row.Text(Department, Xinke.Kernel.Departments.Department.NameMaxLength, required: true);
        var title = row.Text(Title, Person.TitleMaxLength);
        var phone = row.Text(Phone, Person.PhoneMaxLength);
        var status = row.Choice(Status, Statuses) ?? PersonStatus.Active;
        if (row.HasProblems)
        {
            return null;
        }

        if (PeopleService.Check(employeeNumber, name, title, phone) is { } invalid)
        {
            row.Reject(invalid.Field!, invalid.Code);
            return null;
        }

        var person = new Person
        {
            EmployeeNumber = employeeNumber!,
            Name = name!,
            Title = title,
            Phone = phone,
            Status = status,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        departmentNames[person] = department!;
        return person;
    }

    public async Task CheckAsync(IReadOnlyList<(ImportRow Row, Person Record)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var reachable = await scope.DepartmentsAsync(OrganizationPermissions.PeopleImport, cancellationToken);
        var departments = (await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
            .Where(d => reachable is null || reachable.Contains(d.Id))
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList(), StringComparer.Ordinal);
        var numbers = rows.Select(r => r.Record.EmployeeNumber).Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            registered.UnionWith(await db.Set<Person>().Where(p => chunk.Contains(p.EmployeeNumber)).Select(p => p.EmployeeNumber).ToListAsync(cancellationToken));
        }

        var firstRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, person) in rows)
        {
            if (firstRows.TryGetValue(person.EmployeeNumber, out var first))
            {
                row.Reject(EmployeeNumber, ImportErrors.DuplicateInFile, first);
            }
            else
            {
                firstRows[person.EmployeeNumber] = row.Number;
                if (registered.Contains(person.EmployeeNumber))
                {
                    row.Reject(EmployeeNumber, PersonErrors.EmployeeNumberTaken);
                }
            }

            var name = departmentNames[person];
            if (!departments.TryGetValue(name, out var ids))
            {
                row.Reject(Department, DepartmentUnknown, name);
            }
            else if (ids.Count > 1)
            {
                row.Reject(Department, DepartmentAmbiguous, name);
            }
            else
            {
                person.DepartmentId = ids[0];
                if (person.Status == PersonStatus.Left)
                {
                    person.LeftOn = DateOnly.FromDateTime(hospital.ToLocal(clock.GetUtcNow()).DateTime);
                }
            }
        }
    }

    public async Task SaveAsync(IReadOnlyList<Person> records, CancellationToken cancellationToken)
    {
        db.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
    }
}

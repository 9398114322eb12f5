using Xinke.Kernel.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Staff;

/// <summary>Whether the caller's department scope for a permission reaches a person (out of scope answers 404).</summary>
public sealed class StaffScope(PeopleDirectory people, DepartmentScope scope)
{
    /// <summary>The person, when the caller's scope for <paramref name="permission"/> reaches their department; else null.</summary>
    public async Task<PersonSummary?> ReachablePersonAsync(long personId, string permission, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var departments = await scope.DepartmentsAsync(permission, cancellationToken);
        return departments is null || departments.Contains(person.DepartmentId) ? person : null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.People;

[RequirePermission(OrganizationPermissions.PeopleWrite)]
public sealed class EditModel(PeopleService people, DepartmentScope scope, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PersonFormPage(scope, db, localizer)
{
    public long Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Id = id;
        Form = new PersonForm { EmployeeNumber = person.EmployeeNumber, Name = person.Name, DepartmentId = person.DepartmentId, Title = person.Title, Phone = person.Phone, Version = person.Version };
        await LoadDepartmentsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        Id = id;
        var patch = new PersonPatch(Form.Name ?? string.Empty, Form.DepartmentId, Form.Title ?? string.Empty, Form.Phone ?? string.Empty);
        var changed = await people.EditAsync(id, patch, p => p.Version == Form.Version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed), cancellationToken);
        if (changed.Succeeded)
        {
            return Redirect($"/organization/people/{id}");
        }

        if (changed.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Show(changed.Error);
        await LoadDepartmentsAsync(cancellationToken);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.People;

[RequirePermission(OrganizationPermissions.PeopleWrite)]
public sealed class NewModel(PeopleService people, DepartmentScope scope, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PersonFormPage(scope, db, localizer)
{
    public async Task OnGetAsync(long? departmentId, CancellationToken cancellationToken)
    {
        Form.DepartmentId = departmentId;
        await LoadDepartmentsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await people.CreateAsync(new PersonInput(Form.EmployeeNumber, Form.Name, Form.DepartmentId, Form.Title, Form.Phone), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/organization/people/{created.Value!.Id}");
        }

        Show(created.Error!);
        await LoadDepartmentsAsync(cancellationToken);
        return Page();
    }
}

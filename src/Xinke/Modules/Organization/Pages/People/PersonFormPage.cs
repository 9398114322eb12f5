using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Organization.Pages.People;

/// <summary>What the new-person and edit-person pages share: the departments the caller may place people in, and errors shown on the form.</summary>
public abstract class PersonFormPage(DepartmentScope scope, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    protected async Task LoadDepartmentsAsync(CancellationToken cancellationToken) =>
        Departments = await (await scope.ApplyAsync(db.Set<Department>().AsNoTracking(), OrganizationPermissions.PeopleWrite, d => d.Id, cancellationToken))
            .OrderBy(d => d.Path).ToListAsync(cancellationToken);

    protected void Show(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field is null ? string.Empty : $"{nameof(Form)}.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
        ModelState.AddModelError(field, localizer[error.Code, error.Arguments]);
    }
}

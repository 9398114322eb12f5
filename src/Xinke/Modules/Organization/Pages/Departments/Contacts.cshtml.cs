using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.Departments;

/// <summary>Names a department's head and IT liaison from the active people of the department and beneath it.</summary>
[RequirePermission(OrganizationPermissions.ContactsWrite)]
public sealed class ContactsModel(DepartmentContactsService contacts, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public DepartmentContactsDto? Department { get; private set; }

    public IReadOnlyList<Person> Candidates { get; private set; } = [];

    [BindProperty]
    public long? HeadPersonId { get; set; }

    [BindProperty]
    public long? LiaisonPersonId { get; set; }

    [BindProperty]
    public long ExpectedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        HeadPersonId = Department!.Head?.PersonId;
        LiaisonPersonId = Department.Liaison?.PersonId;
        ExpectedVersion = Department.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var set = await contacts.SetAsync(
            id,
            new ContactsInput(HeadPersonId, LiaisonPersonId),
            c => c.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
            cancellationToken);
        if (set.Succeeded)
        {
            return Redirect("/organization/departments");
        }

        if (set.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[set.Error.Code, set.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Department = (await contacts.ListAsync(OrganizationPermissions.ContactsWrite, cancellationToken)).SingleOrDefault(d => d.DepartmentId == id);
        if (Department is null)
        {
            return false;
        }

        var inside = db.Set<Department>().SelfAndBeneath(id);
        Candidates = await db.Set<Person>().AsNoTracking()
            .Where(person => inside.Contains(person.DepartmentId) && person.Status != PersonStatus.Left)
            .OrderBy(person => person.EmployeeNumber).Take(2000).ToListAsync(cancellationToken);
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Pages.Requests;

/// <summary>Files a request: the person by employee number or name, the role, its scope, the purpose and an optional end date.</summary>
[RequirePermission(AccessPermissions.RequestsWrite)]
public sealed class NewModel(PermissionRequests requests, PeopleDirectory people, PermissionCatalog catalog, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int Choices = 20;

    [BindProperty]
    public string? Person { get; set; }

    [BindProperty]
    public long? PersonId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public long? DepartmentId { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? DataClasses { get; set; }

    [BindProperty]
    public string? Systems { get; set; }

    [BindProperty]
    public DateOnly? EndsOn { get; set; }

    /// <summary>People matching the search when it did not name one person: the form asks to pick.</summary>
    public IReadOnlyList<PersonSummary> Matches { get; private set; } = [];

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PersonId is null)
        {
            Matches = string.IsNullOrWhiteSpace(Person) ? [] : await people.SearchAsync(Person.Trim(), Choices, cancellationToken);
            if (Matches.Count != 1)
            {
                ModelState.AddModelError(nameof(Person), localizer[Matches.Count == 0 ? AccessErrors.PersonNotFound : "accesspage.pick_person"]);
                await LoadAsync(cancellationToken);
                return Page();
            }

            PersonId = Matches[0].Id;
        }

        var filed = await requests.FileAsync(new PermissionRequestInput(PersonId, Role, DepartmentId, Purpose, DataClasses, Systems, EndsOn), cancellationToken);
        if (!filed.Succeeded)
        {
            ModelState.AddModelError(filed.Error!.Field ?? string.Empty, PageErrors.Message(localizer, filed.Error));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(PermissionRequests.Link(filed.Value!));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Set<Role>().AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        Roles = [.. roles.Where(r => !BuiltInRoles.Administrators.Contains(r.Name) && catalog.DutiesOf(r.Permissions.Select(p => p.Permission)).Count == 0).Select(r => r.Name)];
        Departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Path).ToListAsync(cancellationToken);
    }
}

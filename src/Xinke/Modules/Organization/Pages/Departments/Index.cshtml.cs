using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;

namespace Xinke.Modules.Organization.Pages.Departments;

/// <summary>The department tree with each department's head and IT liaison; departments without a liaison stand out (ORG-03).</summary>
[RequirePermission(OrganizationPermissions.PeopleRead)]
public sealed class IndexModel(DepartmentContactsService contacts, CurrentCaller current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Missing { get; set; }

    public IReadOnlyList<DepartmentContactsDto> Departments { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))!.Has(OrganizationPermissions.ContactsWrite);
        var all = await contacts.ListAsync(OrganizationPermissions.PeopleRead, cancellationToken);
        Departments = Missing ? [.. all.Where(d => d.MissingLiaison)] : all;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Admin;

/// <summary>Roles and their permissions; the security administrator adds custom roles here.</summary>
[RequirePermission(KernelPermissions.RolesRead)]
public sealed class RolesModel(RoleService roles, PermissionCatalog catalog, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    [BindProperty]
    public bool RequiresMfa { get; set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public IReadOnlyList<string> AllPermissions { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(KernelPermissions.RolesWrite) != true)
        {
            return Forbid();
        }

        var created = await roles.CreateCustomAsync(Name, Permissions, RequiresMfa, cancellationToken);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[created.Error!.Code, created.Error.Arguments]);
        }
        else
        {
            Name = null;
            Permissions = [];
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(KernelPermissions.RolesWrite) == true;
        Roles = await roles.ListAsync(cancellationToken);
        AllPermissions = [.. catalog.All.Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}

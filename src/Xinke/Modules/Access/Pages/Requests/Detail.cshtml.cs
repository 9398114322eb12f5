using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Pages.Requests;

/// <summary>One request: what was asked, by whom, its approval and, for the security administrator, the revoke form.</summary>
[RequirePermission(AccessPermissions.RequestsRead)]
public sealed class DetailModel(PermissionRequests requests, PermissionGrants grants, PeopleDirectory people, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PermissionRequestDto? Record { get; private set; }

    public PersonSummary? Person { get; private set; }

    public string? Requester { get; private set; }

    public string? Scope { get; private set; }

    public bool CanRevoke { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AccessPermissions.RequestsRevoke) != true)
        {
            return Forbid();
        }

        var revoked = await grants.RevokeAsync(id, Reason, cancellationToken);
        if (revoked.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        if (revoked.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(nameof(Reason), PageErrors.Message(localizer, revoked.Error));
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        Record = PermissionRequestDto.From(request);
        Person = await people.FindAsync(request.PersonId, cancellationToken);
        Requester = await db.Set<Account>().AsNoTracking().Where(a => a.Id == request.RequesterId).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Scope = request.DepartmentId is { } scope ? await db.Set<Department>().AsNoTracking().Where(d => d.Id == scope).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken) : null;
        CanRevoke = request.Status == PermissionRequestStatus.Granted && (await current.GetAsync(cancellationToken))?.Has(AccessPermissions.RequestsRevoke) == true;
        return true;
    }
}

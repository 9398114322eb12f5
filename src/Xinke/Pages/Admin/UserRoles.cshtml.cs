using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Admin;

/// <summary>The security administrator grants and withdraws one account's roles, each for the hospital or one department.</summary>
[RequirePermission(KernelPermissions.RolesGrant)]
public sealed class UserRolesModel(XinkeDb db, RoleService roles, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Kernel.Identity.Account? Target { get; private set; }

    public IReadOnlyList<AssignmentInput> Assignments { get; private set; } = [];

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(long id, string? role, long? departmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await SaveAsync(id, [.. Assignments, new AssignmentInput(role, departmentId)], cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, string? role, long? departmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await SaveAsync(id, [.. Assignments.Where(a => a.Role != role || a.DepartmentId != departmentId)], cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(long id, List<AssignmentInput> wanted, CancellationToken cancellationToken)
    {
        var grantor = (await current.GetAsync(cancellationToken))!;
        var saved = await roles.SetAssignmentsAsync(grantor, id, wanted, cancellationToken);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[saved.Error!.Code, saved.Error.Arguments]);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Target = await db.Set<Kernel.Identity.Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (Target is null)
        {
            return false;
        }

        Assignments = await db.Set<RoleAssignment>().AsNoTracking().Where(a => a.AccountId == id)
            .OrderBy(a => a.Id).Select(a => new AssignmentInput(a.Role!.Name, a.DepartmentId)).ToListAsync(cancellationToken);
        RoleNames = await db.Set<Role>().AsNoTracking().OrderBy(r => r.Id).Select(r => r.Name).ToListAsync(cancellationToken);
        Departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Path).ToListAsync(cancellationToken);
        return true;
    }
}

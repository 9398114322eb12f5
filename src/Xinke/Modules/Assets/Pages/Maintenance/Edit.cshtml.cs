using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Maintenance;

namespace Xinke.Modules.Assets.Pages.Maintenance;

/// <summary>
/// Edits a plan: title, checklist, schedule, owner, grace and whether it is active (the last four on
/// its obligation). The form carries the version it was shown with; a plan changed since is refused.
/// </summary>
[RequirePermission(AssetsPermissions.Maintain)]
public sealed class EditModel(MaintenanceService maintenance, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public MaintenancePlanDto? Plan { get; private set; }

    public IReadOnlyList<ChecklistTemplate> Templates { get; private set; } = [];

    /// <summary>The plan's version the form was shown with.</summary>
    [BindProperty]
    public long ExpectedVersion { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? ChecklistTemplateCode { get; set; }

    [BindProperty]
    public string? Schedule { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    [BindProperty]
    public int? GraceHours { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var p = Plan!;
        (ExpectedVersion, Title, ChecklistTemplateCode, Schedule, Owner, GraceHours, Active) = (p.Version, p.Title, p.ChecklistTemplateCode, p.Schedule, p.Owner, p.GraceHours, p.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var p = Plan!;
        var input = new MaintenancePlanInput(Title, null, null, ChecklistTemplateCode, p.ScheduleKind, Schedule, p.OwnerKind, Owner, GraceHours, null, Active);
        var edited = await maintenance.EditPlanAsync(id, input, plan => plan.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed), cancellationToken);
        if (edited.Succeeded)
        {
            return RedirectToPage("/Assets/Maintenance/Plan", new { id });
        }

        if (edited.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        var message = localizer[edited.Error.Code, edited.Error.Arguments].Value;
        ModelState.AddModelError(string.Empty, edited.Error.RequirementId is null ? message : $"{message} ({edited.Error.RequirementId})");
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var plan = await (await maintenance.VisiblePlansAsync(cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = (await maintenance.DtosAsync([plan], cancellationToken))[0];
        Templates = await db.Set<ChecklistTemplate>().AsNoTracking().Where(t => !t.Retired && t.Kind == ChecklistKind.Maintenance).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        return true;
    }
}

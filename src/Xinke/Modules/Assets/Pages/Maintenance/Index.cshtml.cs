using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Maintenance;

/// <summary>The maintenance plans (EQ-04) with search, paging and export; holders of <c>assets.maintain</c> add one here.</summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class IndexModel(MaintenanceService maintenance, AssetRegister register, AssetDirectory directory, XinkeDb db, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public Page<MaintenancePlanDto> Plans { get; private set; } = new([], null);

    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    /// <summary>The checklist templates a plan may follow: maintenance ones not retired.</summary>
    public IReadOnlyList<ChecklistTemplate> Templates { get; private set; } = [];

    public bool CanMaintain { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Maintain) != true)
        {
            return Forbid();
        }

        long? assetId = null;
        if (!string.IsNullOrWhiteSpace(Form.AssetTag))
        {
            assetId = (await directory.FindByTagAsync(Form.AssetTag, cancellationToken))?.Id ?? 0;
        }

        var created = await maintenance.CreatePlanAsync(
            new MaintenancePlanInput(Form.Title, assetId is null ? Form.AssetTypeId : null, assetId, Form.ChecklistTemplateCode, ScheduleKind.Cron, Form.Schedule, OwnerKind.Role, Form.OwnerRole, Form.GraceHours ?? 0, null, true),
            cancellationToken);
        if (created.Succeeded)
        {
            return RedirectToPage("/Assets/Maintenance/Plan", new { id = created.Value!.Id });
        }

        var message = localizer[created.Error!.Code, created.Error.Arguments].Value;
        ModelState.AddModelError(string.Empty, created.Error.RequirementId is null ? message : $"{message} ({created.Error.RequirementId})");
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanMaintain = (await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Maintain) == true;
        Types = await register.TypesAsync(cancellationToken);
        Templates = await db.Set<ChecklistTemplate>().AsNoTracking().Where(t => !t.Retired && t.Kind == ChecklistKind.Maintenance).OrderBy(t => t.Code).ToListAsync(cancellationToken);
        var query = await maintenance.VisiblePlansAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= ListRequest.MaxQueryLength)
        {
            var text = Q.Trim();
            query = query.Where(p => p.Title.Contains(text));
        }

        var request = new ListRequest(Cursor: Cursor);
        var page = await MaintenanceApi.Plans.PageAsync(query, request, p => p, cancellationToken);
        if (!page.Succeeded)
        {
            page = await MaintenanceApi.Plans.PageAsync(query, request with { Cursor = null }, p => p, cancellationToken);
        }

        Plans = new Page<MaintenancePlanDto>(await maintenance.DtosAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor);
    }
}

/// <summary>A new plan: a type or one asset's tag, a checklist template, a cron schedule, the owning role and the grace.</summary>
public sealed class PlanForm
{
    public string? Title { get; set; }

    public long? AssetTypeId { get; set; }

    public string? AssetTag { get; set; }

    public string? ChecklistTemplateCode { get; set; }

    public string? Schedule { get; set; } = "0 9 1 * *";

    public string? OwnerRole { get; set; } = BuiltInRoles.ItEngineer;

    public int? GraceHours { get; set; } = 72;
}

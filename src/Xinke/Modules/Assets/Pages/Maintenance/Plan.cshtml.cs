using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Maintenance;

/// <summary>One plan: its schedule (a link to its obligation's periods), its records, and the form recording a maintenance.</summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class PlanModel(MaintenanceService maintenance, ChecklistService checklists, AssetDirectory directory, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? AssetTags { get; set; }

    [BindProperty]
    public List<ReadingInput> Answers { get; set; } = [];

    [BindProperty]
    public string? Result { get; set; } = "ok";

    [BindProperty]
    public string? Notes { get; set; }

    public MaintenancePlanDto? Plan { get; private set; }

    public IReadOnlyList<ChecklistItem> Items { get; private set; } = [];

    public IReadOnlyList<MaintenanceRecordDto> Records { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Tags { get; private set; } = new Dictionary<long, string>();

    public bool CanMaintain { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Maintain) != true)
        {
            return Forbid();
        }

        var ids = new List<long>();
        foreach (var tag in (AssetTags ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t', '，'], StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add((await directory.FindByTagAsync(tag, cancellationToken))?.Id ?? 0);
        }

        var recorded = await maintenance.RecordAsync(id, new MaintenanceRecordInput(ids, [.. Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value))], Result, Notes), cancellationToken);
        if (recorded.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        var message = localizer[recorded.Error!.Code, recorded.Error.Arguments].Value;
        ModelState.AddModelError(recorded.Error.Field ?? string.Empty, recorded.Error.RequirementId is null ? message : $"{message} ({recorded.Error.RequirementId})");
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var plan = await (await maintenance.VisiblePlansAsync(cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        CanMaintain = (await current.GetAsync(cancellationToken))?.Has(AssetsPermissions.Maintain) == true;
        Plan = (await maintenance.DtosAsync([plan], cancellationToken))[0];
        Items = (await checklists.TemplateAsync(plan.ChecklistTemplateId, null, cancellationToken))?.Revision.Items.OrderBy(i => i.Position).ToList() ?? [];
        var records = await (await maintenance.VisibleRecordsAsync(cancellationToken)).Where(r => r.PlanId == id).OrderByDescending(r => r.Id).Take(100).ToListAsync(cancellationToken);
        Records = [.. records.Select(MaintenanceRecordDto.From)];
        var assetIds = Records.SelectMany(r => r.AssetIds).Distinct().ToList();
        Tags = (await directory.FindManyAsync(assetIds, cancellationToken)).ToDictionary(a => a.Id, a => a.Tag);
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Checklists;

/// <summary>The checklist templates, the latest runs, and a form to start a run.</summary>
[RequirePermission(ChecklistPermissions.Read)]
public sealed class IndexModel(ChecklistService checklists, CurrentCaller current, XinkeDb db, HospitalClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ChecklistRunState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public string? TemplateCode { get; set; }

    [BindProperty]
    public string? SubjectType { get; set; }

    [BindProperty]
    public string? SubjectLabel { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    public IReadOnlyList<ChecklistTemplate> Templates { get; private set; } = [];

    public Page<ChecklistRunDto> Runs { get; private set; } = new([], null);

    public bool CanRun { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(ChecklistPermissions.Run) != true)
        {
            return Forbid();
        }

        var started = await checklists.StartRunAsync(TemplateCode, new ChecklistSubject(SubjectType ?? string.Empty, null, SubjectLabel ?? string.Empty), Location, cancellationToken);
        if (started.Succeeded)
        {
            return RedirectToPage("Run", new { id = started.Value!.Id });
        }

        ModelState.AddModelError(string.Empty, localizer[started.Error!.Code, started.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string Local(DateTime utc) => clock.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string TemplateName(long id) => Templates.FirstOrDefault(t => t.Id == id)?.Name ?? string.Empty;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanRun = (await current.GetAsync(cancellationToken))?.Has(ChecklistPermissions.Run) == true;
        Templates = await db.Set<ChecklistTemplate>().AsNoTracking().OrderBy(t => t.Code).ToListAsync(cancellationToken);
        var query = await ChecklistsApi.RunQueryAsync(checklists, new RunFilter(State: State?.ToString()), null, cancellationToken);
        var request = new ListRequest(Cursor: Cursor);
        var page = await ChecklistsApi.Runs.PageAsync(query.Value!, request, r => ChecklistRunDto.From(r), cancellationToken);
        if (!page.Succeeded)
        {
            Cursor = null;
            page = await ChecklistsApi.Runs.PageAsync(query.Value!, request with { Cursor = null }, r => ChecklistRunDto.From(r), cancellationToken);
        }

        Runs = page.Value!;
    }
}

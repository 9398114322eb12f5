using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Inspections;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Inspections;

/// <summary>The monthly self-inspections of the compliance view, and where an inspector starts one.</summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class IndexModel(SelfInspections inspections, CurrentCaller current, HospitalClock hospital, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public InspectionForm Form { get; set; } = new();

    public Page<SelfInspectionDto> Inspections { get; private set; } = new([], null);

    public bool CanInspect { get; private set; }

    public string? Problem { get; private set; }

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var month = inspections.Today;
        Form.PeriodFrom ??= new DateOnly(month.Year, month.Month, 1).AddMonths(-1);
        Form.PeriodTo ??= new DateOnly(month.Year, month.Month, 1).AddDays(-1);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Inspect))
        {
            return Forbid();
        }

        var created = await inspections.CreateAsync(new SelfInspectionInput(Form.PeriodFrom, Form.PeriodTo, Form.Comments), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/compliance/inspections/{created.Value!.Id}");
        }

        Problem = text[created.Error!.Code, created.Error.Arguments].Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanInspect = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Inspect);
        var query = await SelfInspectionsApi.QueryAsync(inspections, Q, cancellationToken);
        var page = await SelfInspectionsApi.List.PageAsync(query, new ListRequest(Cursor: Cursor), i => SelfInspectionDto.From(i), cancellationToken);
        if (page.Succeeded)
        {
            Inspections = page.Value!;
        }
    }

    public sealed class InspectionForm
    {
        public DateOnly? PeriodFrom { get; set; }

        public DateOnly? PeriodTo { get; set; }

        public string? Comments { get; set; }
    }
}

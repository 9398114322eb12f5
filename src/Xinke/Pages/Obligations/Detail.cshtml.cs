using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;

namespace Xinke.Pages.Obligations;

/// <summary>One obligation, its recent periods with their status now, the edit form and the review of periods.</summary>
[RequirePermission(ObligationPermissions.Read)]
public sealed class DetailModel(XinkeDb db, ObligationService service, ObligationQueries queries, CurrentCaller current, HospitalClock hospital, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int RecentPeriods = 24;

    [BindProperty]
    public ObligationForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    public ObligationDto? Obligation { get; private set; }

    public IReadOnlyList<PeriodDto> Periods { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool CanReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = ObligationForm.From(Obligation!);
        Version = Obligation!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(ObligationPermissions.Write) != true)
        {
            return Forbid();
        }

        var obligation = await db.Set<Obligation>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return NotFound();
        }

        var error = obligation.Version != Version
            ? new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed)
            : await service.EditAsync(obligation, Form.ToEdit(obligation.DeclaredInCode), cancellationToken);
        if (error is null)
        {
            return Redirect($"/obligations/{id}");
        }

        ModelState.AddModelError(string.Empty, localizer[error.Code, error.Arguments]);
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(long id, long periodId, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller?.Has(ObligationPermissions.Review) != true)
        {
            return Forbid();
        }

        var reviewed = await service.ReviewAsync(periodId, caller, cancellationToken);
        if (reviewed.Succeeded)
        {
            return Redirect($"/obligations/{id}");
        }

        ModelState.AddModelError(string.Empty, localizer[reviewed.Error!.Code]);
        await LoadAsync(id, cancellationToken);
        Form = ObligationForm.From(Obligation!);
        return Page();
    }

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var obligation = await db.Set<Obligation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return false;
        }

        var caller = await current.GetAsync(cancellationToken);
        CanWrite = caller?.Has(ObligationPermissions.Write) == true;
        CanReview = caller?.Has(ObligationPermissions.Review) == true;
        Obligation = ObligationDto.From(obligation);
        var periods = await db.Set<ObligationPeriod>().AsNoTracking().Where(p => p.ObligationId == id)
            .OrderByDescending(p => p.Start).Take(RecentPeriods).ToListAsync(cancellationToken);
        Periods = await queries.ToDtosAsync(periods, cancellationToken);
        return true;
    }
}

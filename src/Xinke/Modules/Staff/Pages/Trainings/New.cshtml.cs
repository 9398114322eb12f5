using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff.Pages.Trainings;

/// <summary>Records a new training session; the system list offers the systems in service.</summary>
[RequirePermission(StaffPermissions.TrainingsWrite)]
public sealed class NewModel(TrainingService trainings, InformationSystems systems, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TrainingKind Kind { get; set; }

    [BindProperty]
    public long? SystemId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public decimal? Hours { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Trainer { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public IReadOnlyList<SystemSummary> Systems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn ??= trainings.Today;
        Hours ??= 2;
        Systems = await systems.InServiceAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new SessionInput(Kind.ToString(), Kind == TrainingKind.SystemUse ? SystemId : null, Title, HeldOn, Hours, Place, Trainer, null, Notes);
        var created = await trainings.CreateAsync(input, cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/staff/trainings/{created.Value!.Id}");
        }

        ModelState.AddModelError(created.Error!.Field ?? string.Empty, localizer[created.Error.Code, created.Error.Arguments]);
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.EvidencePacks;

/// <summary>
/// The packs the caller may see, and the form that asks for a new one (built in the background);
/// the compliance pages open the form filled in with their period, department and rule.
/// </summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class IndexModel(Kernel.Evidence.Packs.EvidencePacks packs, DepartmentScope scope, CurrentCaller current, HospitalClock hospital, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Required]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Required]
    public DateOnly? To { get; set; }

    /// <summary>Requirement IDs separated by spaces or commas; empty for every rule.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Requirements { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<EvidencePackDto> Packs { get; private set; } = new([], null);

    public string? ErrorCode { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var requirementIds = (Requirements ?? string.Empty).Split([' ', ',', '，', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(r => r.ToUpperInvariant()).ToList();
        var request = await EvidencePacksApi.ScopedAsync(new EvidencePackInput(From, To, requirementIds, DepartmentId), scope, current, hospital, clock, cancellationToken);
        var error = request.Error;
        if (request.Succeeded)
        {
            error = (await packs.RequestAsync(request.Value!, cancellationToken)).Error;
        }

        if (error is not null)
        {
            ErrorCode = error.Code;
            Response.StatusCode = error.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var visible = await EvidencePacksApi.VisibleAsync(packs, current, cancellationToken);
        var page = await EvidencePacksApi.List.PageAsync(visible, new ListRequest(Cursor: Cursor), EvidencePackDto.Of, cancellationToken);
        Packs = page.Succeeded ? page.Value! : (await EvidencePacksApi.List.PageAsync(visible, new ListRequest(), EvidencePackDto.Of, cancellationToken)).Value!;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;
using Xinke.Modules.ServiceDesk.Pages.Knowledge;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Pages.Report;

/// <summary>
/// The one-screen fault form for clinical staff: what is wrong, where, which system, a phone number.
/// Everything else (kind, priority, category) the engineers set later. Matching knowledge-base
/// articles show under the description while it is typed, so a known fix is found before filing.
/// </summary>
[RequirePermission(ServiceDeskPermissions.TicketsFile)]
public sealed class IndexModel(TicketDesk desk, InformationSystems systems, KnowledgeBase kb, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? Where { get; set; }

    [BindProperty]
    public long? SystemId { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public IReadOnlyList<SystemSummary> Systems { get; private set; } = [];

    /// <summary>The articles a "search first" post found for what the person typed.</summary>
    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Systems = await systems.InServiceAsync(cancellationToken);

    /// <summary>"Search first" without script: the same form again, its text kept, with the matching articles under it; nothing is filed.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        Hits = await SuggestModel.FindAsync(kb, What, cancellationToken);
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var what = What?.Trim() ?? string.Empty;
        if (what.Length == 0)
        {
            // The form has no title field: an empty description is the one thing to say.
            ModelState.AddModelError(nameof(What), localizer[TicketErrors.InvalidDescription]);
            Systems = await systems.InServiceAsync(cancellationToken);
            return Page();
        }

        var title = what.Length <= 40 ? what : what[..40];
        var created = await desk.CreateAsync(new TicketInput("fault", title, what, SystemId, Location: Where, ContactPhone: Phone), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/servicedesk/tickets/detail?id={created.Value!.Id}");
        }

        var error = created.Error!;
        var field = error.Field switch
        {
            "title" or "description" => nameof(What),
            "location" => nameof(Where),
            "contactPhone" => nameof(Phone),
            "systemId" => nameof(SystemId),
            _ => string.Empty,
        };
        ModelState.AddModelError(field, PageErrors.Message(localizer, error));
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }
}

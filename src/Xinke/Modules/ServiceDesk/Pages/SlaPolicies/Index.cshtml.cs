using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Sla;

namespace Xinke.Modules.ServiceDesk.Pages.SlaPolicies;

/// <summary>The IT director's SLA policies: the list, a form to add one, and each row's edit form (targets, 7×24, active).</summary>
[RequirePermission(ServiceDeskPermissions.TicketsManage)]
public sealed class IndexModel(Sla.SlaPolicies policies, IStringLocalizer<SharedResource> localizer) : AdminPage(localizer)
{
    public IReadOnlyList<SlaPolicy> Policies { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Priority { get; set; }

    [BindProperty]
    public int? ResponseMinutes { get; set; }

    [BindProperty]
    public int? ResolutionMinutes { get; set; }

    [BindProperty]
    public bool AroundTheClock { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    protected override string Path => "/servicedesk/sla-policies";

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await DoneAsync((await policies.CreateAsync(new SlaPolicyInput(Name, Priority, null, null, ResponseMinutes, ResolutionMinutes, AroundTheClock), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await policies.EditAsync(id, new SlaPolicyPatch(Name, ResponseMinutes, ResolutionMinutes, AroundTheClock, Active), Drawn<SlaPolicy>(), cancellationToken)).Error, cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) =>
        Policies = await policies.All().OrderBy(p => p.Priority).ThenBy(p => p.Id).ToListAsync(cancellationToken);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;

namespace Xinke.Pages.Improvements;

/// <summary>The improvement register with its filters; each line leads to the action's page.</summary>
[RequirePermission(ImprovementPermissions.Read)]
public sealed class IndexModel(ImprovementActions actions, CurrentCaller current, XinkeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ImprovementStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ImprovementSourceKind? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<ImprovementDto> Actions { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, string> Owners { get; private set; } = new Dictionary<long, string>();

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var filter = new ImprovementFilter(Status?.ToString(), Source?.ToString(), Mine ? caller.Id : null, Overdue ? true : null);
        var query = await ImprovementsApi.QueryAsync(actions, filter, Q, cancellationToken);
        if (query.Succeeded)
        {
            var today = actions.Today;
            var request = new ListRequest(Cursor: Cursor);
            var page = await ImprovementsApi.List.PageAsync(query.Value!, request, a => ImprovementDto.From(a, today), cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await ImprovementsApi.List.PageAsync(query.Value!, request with { Cursor = null }, a => ImprovementDto.From(a, today), cancellationToken);
            }

            Actions = page.Value!;
        }

        var ownerIds = Actions.Items.Select(a => a.OwnerId).Distinct().ToList();
        Owners = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => ownerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["source"] = Source?.ToString(),
            ["overdue"] = Overdue ? "true" : null,
            ["ownerId"] = Mine ? caller.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}

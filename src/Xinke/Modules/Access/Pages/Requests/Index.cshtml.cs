using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Pages.Requests;

/// <summary>The permission requests the caller may see, with filters, paging and export.</summary>
[RequirePermission(AccessPermissions.RequestsRead)]
public sealed class IndexModel(PermissionRequests requests, PeopleDirectory people, CurrentCaller current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PermissionRequestStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<PermissionRequestDto> Requests { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, PersonSummary> People { get; private set; } = new Dictionary<long, PersonSummary>();

    public bool CanFile { get; private set; }

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanFile = (await current.GetAsync(cancellationToken))?.Has(AccessPermissions.RequestsWrite) == true;
        var query = await PermissionRequestsApi.QueryAsync(requests, new PermissionRequestFilter(Status?.ToString(), null), Q, cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await PermissionRequestsApi.List.PageAsync(query.Value!, request, PermissionRequestDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                page = await PermissionRequestsApi.List.PageAsync(query.Value!, request with { Cursor = null }, PermissionRequestDto.From, cancellationToken);
            }

            Requests = page.Value!;
        }

        People = (await people.FindManyAsync([.. Requests.Items.Select(r => r.PersonId).Distinct()], cancellationToken)).ToDictionary(p => p.Id);
        Query = QueryString.Create(new Dictionary<string, string?> { ["status"] = Status?.ToString(), ["q"] = Q }.Where(p => p.Value is not null)).ToString();
    }
}

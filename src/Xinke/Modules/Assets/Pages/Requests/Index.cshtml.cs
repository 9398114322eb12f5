using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;

namespace Xinke.Modules.Assets.Pages.Requests;

/// <summary>
/// Device requests the caller may see, in tabs by what they may do: their own, their departments'
/// (heads and liaisons), the IT queue of approved requests waiting to be fulfilled; filters, paging, export.
/// </summary>
[RequirePermission(AssetsPermissions.ReadRequests)]
public sealed class IndexModel(AssetRequests requests, AssetRegister register, CurrentCaller current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssetRequestStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<AssetRequestDto> Requests { get; private set; } = new([], null);

    /// <summary>The tabs the caller has: mine for those who file, department for scoped readers, queue for IT.</summary>
    public IReadOnlyList<string> Views { get; private set; } = [];

    public IReadOnlyDictionary<long, AssetType> Types { get; private set; } = new Dictionary<long, AssetType>();

    public IReadOnlyDictionary<long, string> Departments { get; private set; } = new Dictionary<long, string>();

    public bool CanFile { get; private set; }

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        CanFile = caller?.Has(AssetsPermissions.FileRequests) == true;
        var scoped = caller?.ScopeRootsOf(AssetsPermissions.Read) is { Count: > 0 };
        Views = [.. new[]
        {
            CanFile ? AssetRequestFilter.Mine : null,
            scoped ? AssetRequestFilter.Department : null,
            caller?.Has(AssetsPermissions.FulfilRequests) == true ? AssetRequestFilter.Queue : null,
        }.OfType<string>()];
        View = View is not null && Views.Contains(View) ? View : Views.Count > 0 ? Views[0] : null;
        var query = await requests.QueryAsync(new AssetRequestFilter(Status?.ToString(), View), Q, cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await AssetRequestsApi.List.PageAsync(query.Value!, request, AssetRequestDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                page = await AssetRequestsApi.List.PageAsync(query.Value!, request with { Cursor = null }, AssetRequestDto.From, cancellationToken);
            }

            Requests = page.Value!;
        }

        Types = (await register.TypesAsync(cancellationToken)).ToDictionary(t => t.Id);
        Departments = await register.DepartmentNamesAsync(cancellationToken);
        Query = QueryString.Create(new Dictionary<string, string?> { ["view"] = View, ["status"] = Status?.ToString(), ["q"] = Q }.Where(p => p.Value is not null)).ToString();
    }
}

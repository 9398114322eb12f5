using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>The register with its filters, paging and exports, within the reader's department scope; each line leads to the asset's page.</summary>
[RequirePermission(AssetsPermissions.Read)]
public sealed class IndexModel(AssetRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssetStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool KeyDevice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<AssetDto> Assets { get; private set; } = new([], null);

    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Departments { get; private set; } = new Dictionary<long, string>();

    /// <summary>The filters as a query string (with its <c>?</c>, or empty), for paging and export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Types = await register.TypesAsync(cancellationToken);
        Departments = await register.DepartmentNamesAsync(cancellationToken);
        var type = Types.Any(t => t.Code == Type) ? Type : null;
        var filter = new AssetFilter(type, Status?.ToString(), DepartmentId, KeyDevice ? true : null, Location);
        var sort = Sort is not null && AssetsApi.List.SortNames.Contains(Sort.TrimStart('-')) ? Sort : null;
        var query = await AssetsApi.QueryAsync(register, filter, Q, cancellationToken);
        if (query.Succeeded)
        {
            var codes = Types.ToDictionary(t => t.Id, t => t.Code);
            var request = new ListRequest(Sort: sort, Cursor: Cursor);
            var page = await AssetsApi.List.PageAsync(query.Value!, request, a => AssetDto.From(a, codes, Departments), cancellationToken);
            if (!page.Succeeded)
            {
                // A stale or foreign cursor starts the list again rather than failing the page.
                page = await AssetsApi.List.PageAsync(query.Value!, request with { Cursor = null }, a => AssetDto.From(a, codes, Departments), cancellationToken);
            }

            Assets = page.Value!;
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["type"] = type,
            ["status"] = Status?.ToString(),
            ["departmentId"] = DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["keyDevice"] = KeyDevice ? "true" : null,
            ["location"] = Location,
            ["q"] = Q,
            ["sort"] = sort,
        }.Where(p => p.Value is not null)).ToString();
    }

    public string TypeName(string? code) => Types.FirstOrDefault(t => t.Code == code)?.NameIn(CultureInfo.CurrentUICulture.Name) ?? code ?? "—";
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Systems.Pages;

/// <summary>The register with its filters, paging and exports; each line leads to the system's page.</summary>
[RequirePermission(SystemsPermissions.Read)]
public sealed class IndexModel(SystemRegister register, CurrentCaller current, XinkeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SystemCriticality? Criticality { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public SystemStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<SystemDto> Systems { get; private set; } = new([], null);

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool CanWrite { get; private set; }

    /// <summary>The filters as a query string (with its <c>?</c>, or empty), for paging and export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(SystemsPermissions.Write) == true;
        Departments = await db.Set<Department>().AsNoTracking().Where(d => d.Kind != DepartmentKind.Ward).OrderBy(d => d.Path).ToListAsync(cancellationToken);
        var filter = new SystemFilter(Criticality?.ToString(), Level is >= 1 and <= 4 ? Level : null, Status?.ToString(), DepartmentId, Overdue ? true : null);
        var sort = Sort is not null && SystemsApi.List.SortNames.Contains(Sort.TrimStart('-')) ? Sort : null;
        var query = SystemsApi.Query(register, filter, Q);
        if (query.Succeeded)
        {
            var today = register.Today;
            var names = Departments.ToDictionary(d => d.Id, d => d.Name);
            var request = new ListRequest(Sort: sort, Cursor: Cursor);
            var page = await SystemsApi.List.PageAsync(query.Value!, request, s => SystemDto.From(s, today, register.Options, names), cancellationToken);
            if (!page.Succeeded)
            {
                // A stale or foreign cursor starts the list again rather than failing the page.
                page = await SystemsApi.List.PageAsync(query.Value!, request with { Cursor = null }, s => SystemDto.From(s, today, register.Options, names), cancellationToken);
            }

            Systems = page.Value!;
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["criticality"] = Criticality?.ToString(),
            ["level"] = filter.Level?.ToString(CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["departmentId"] = DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["overdue"] = Overdue ? "true" : null,
            ["q"] = Q,
            ["sort"] = sort,
        }.Where(p => p.Value is not null)).ToString();
    }
}

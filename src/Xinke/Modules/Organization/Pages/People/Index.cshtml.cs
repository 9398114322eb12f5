using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Pages.People;

/// <summary>The people register with its filters; phones follow the same lens as the API.</summary>
[RequirePermission(OrganizationPermissions.PeopleRead)]
public sealed class IndexModel(PeopleService people, SensitiveViews sensitive, DepartmentScope scope, CurrentCaller current, XinkeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PersonStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<PersonDto> People { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool CanImport { get; private set; }

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        CanWrite = caller.Has(OrganizationPermissions.PeopleWrite);
        CanImport = caller.Has(OrganizationPermissions.PeopleImport);
        Departments = await (await scope.ApplyAsync(db.Set<Department>().AsNoTracking(), OrganizationPermissions.PeopleRead, d => d.Id, cancellationToken))
            .OrderBy(d => d.Path).ToListAsync(cancellationToken);
        var query = await PeopleApi.QueryAsync(people, new PersonFilter(DepartmentId, Status?.ToString()), Q, cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await PeopleApi.List.PageAsync(query.Value!, request, p => p, cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await PeopleApi.List.PageAsync(query.Value!, request with { Cursor = null }, p => p, cancellationToken);
            }

            var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
            People = await PeopleApi.ToDtosAsync(db, lens, page.Value!.Items, cancellationToken);
            await lens.RecordAsync(cancellationToken);
            NextCursor = page.Value.NextCursor;
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["departmentId"] = DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}

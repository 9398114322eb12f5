using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Loans;

/// <summary>The loans the reader reaches with filters, paging and exports; overdue loans stand out.</summary>
[RequirePermission(AssetsPermissions.Borrow)]
public sealed class IndexModel(LoanService loans, XinkeDb db, AssetRegister register, AssetDirectory assets, PeopleDirectory people, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool? Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<LoanDto> Loans { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, string> Departments { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyDictionary<long, string> Tags { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyDictionary<long, PersonSummary> Borrowers { get; private set; } = new Dictionary<long, PersonSummary>();

    /// <summary>The filters as a query string (with its <c>?</c>, or empty), for paging and export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await register.DepartmentNamesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = new LoanFilter(Open, Overdue ? true : null, null, DepartmentId);
        var query = await LoansApi.QueryAsync(loans, db, filter, Q, now, cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await LoansApi.List.PageAsync(query.Value!, request, l => LoanDto.From(l, now), cancellationToken);
            if (!page.Succeeded)
            {
                // A stale or foreign cursor starts the list again rather than failing the page.
                page = await LoansApi.List.PageAsync(query.Value!, request with { Cursor = null }, l => LoanDto.From(l, now), cancellationToken);
            }

            Loans = page.Value!;
            Tags = (await assets.FindManyAsync([.. Loans.Items.Select(l => l.AssetId).Distinct()], cancellationToken)).ToDictionary(a => a.Id, a => a.Tag);
            Borrowers = (await people.FindManyAsync([.. Loans.Items.Select(l => l.BorrowerPersonId).Distinct()], cancellationToken)).ToDictionary(p => p.Id);
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["open"] = Open?.ToString().ToLowerInvariant(),
            ["overdue"] = Overdue ? "true" : null,
            ["departmentId"] = DepartmentId?.ToString(CultureInfo.InvariantCulture),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}

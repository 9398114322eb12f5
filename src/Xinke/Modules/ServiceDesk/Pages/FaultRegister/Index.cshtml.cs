using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.FaultRegister;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Pages.FaultRegister;

/// <summary>
/// The fault register (ROOM-03) as a printable A4 document: one month (this month by default),
/// optionally one system or machine room, each fault with its handling record and result.
/// </summary>
[RequirePermission(ServiceDeskPermissions.Reports)]
public sealed class IndexModel(FaultRecords records) : PageModel
{
    /// <summary>A month of a busy hospital fits one printed register; beyond it the page goes on with a cursor.</summary>
    public const int PageSize = ListRequest.MaxLimit;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? SystemId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<FaultEntry> Entries { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyList<SystemSummary> Systems { get; private set; } = [];

    public string Query { get; private set; } = string.Empty;

    public HospitalClock Hospital => records.Hospital;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FaultRecords.TryParseMonth(Month, out _))
        {
            Month = Hospital.LocalDate(records.Now).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        Systems = await records.SystemsAsync(cancellationToken);
        var query = records.Query(new FaultFilter(Month, SystemId, Location), Q?.Length > ListRequest.MaxQueryLength ? null : Q);
        var request = new ListRequest(Limit: PageSize, Cursor: Cursor);
        var page = await FaultRegisterApi.List.PageAsync(query.Value!, request, t => t, cancellationToken);
        if (!page.Succeeded)
        {
            page = await FaultRegisterApi.List.PageAsync(query.Value!, request with { Cursor = null }, t => t, cancellationToken);
        }

        Entries = await records.EntriesAsync(page.Value!.Items, cancellationToken);
        NextCursor = page.Value.NextCursor;
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["month"] = Month,
            ["systemId"] = SystemId?.ToString(CultureInfo.InvariantCulture),
            ["location"] = Location,
            ["q"] = Q,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }

    public string Local(DateTime? at) =>
        at is { } utc ? Hospital.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}

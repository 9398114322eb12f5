using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Pages.Tickets;

/// <summary>The queue (engineers: every ticket) or "my tickets" (staff: theirs and their department's), with filters, paging, export and SLA badges.</summary>
[RequirePermission(ServiceDeskPermissions.TicketsRead)]
public sealed class IndexModel(TicketDesk desk, CurrentCaller current, TimeProvider clock, HospitalClock hospital) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public TicketStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public TicketKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public TicketPriority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Breached { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<TicketDto> Tickets { get; private set; } = new([], null);

    public DateTime Now { get; private set; }

    public bool CanFile { get; private set; }

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        CanFile = caller?.Has(ServiceDeskPermissions.TicketsFile) == true;
        Now = clock.GetUtcNow().UtcDateTime;
        var filter = new TicketFilter(Status?.ToString(), Kind?.ToString(), Priority?.ToString(), null, null, null, Breached, Mine);
        var query = await TicketsApi.QueryAsync(desk, filter, Q, Now, caller?.Id ?? 0, cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await TicketsApi.List.PageAsync(query.Value!, request, t => TicketDto.From(t), cancellationToken);
            if (!page.Succeeded)
            {
                page = await TicketsApi.List.PageAsync(query.Value!, request with { Cursor = null }, t => TicketDto.From(t), cancellationToken);
            }

            Tickets = page.Value!;
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["kind"] = Kind?.ToString(),
            ["priority"] = Priority?.ToString(),
            ["breached"] = Breached?.ToString(),
            ["mine"] = Mine?.ToString(),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }

    /// <summary>The SLA badge of a row: breached, due soon (within the hour) or on time.</summary>
    public string Badge(TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.ResponseBreached || ticket.ResolutionBreached || ticket.ResolutionDueAt < Now || ticket.ResponseDueAt < Now)
        {
            return "breached";
        }

        return ticket.ResolutionDueAt is { } due && due - Now < TimeSpan.FromHours(1) ? "due_soon" : "on_time";
    }

    public string Local(DateTime? utc) => PageTimes.Local(hospital, utc);
}

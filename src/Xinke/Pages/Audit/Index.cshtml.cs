using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Audit;

/// <summary>The audit administrator's viewer: the chain filtered by time, actor, record, action and outcome, newest first.</summary>
[RequirePermission(KernelPermissions.AuditRead)]
public sealed class IndexModel(XinkeDb db, HospitalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateTime? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<AuditEventDto> Events { get; private set; } = new([], null);

    /// <summary>The same filters as a query string, for the export link and the next page.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = Filter();
        var page = await AuditApi.List.PageAsync(filter.Apply(db.Set<AuditEvent>().AsNoTracking()), filter.Paging, AuditEventDto.From, cancellationToken);
        if (!page.Succeeded)
        {
            Cursor = null;
            page = await AuditApi.List.PageAsync(filter.Apply(db.Set<AuditEvent>().AsNoTracking()), filter.Paging with { Cursor = null }, AuditEventDto.From, cancellationToken);
        }

        Events = page.Value!;
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = filter.From?.ToString("O"),
            ["to"] = filter.To?.ToString("O"),
            ["actor"] = Actor,
            ["entityType"] = EntityType,
            ["entityId"] = EntityId,
            ["action"] = Action,
            ["outcome"] = Outcome,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
        return Page();
    }

    public string Local(DateTime utc) => clock.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The date inputs are days in the hospital's time zone; the filter compares instants.</summary>
    private AuditFilter Filter() => new(
        From is { } from ? ToInstant(from) : null,
        To is { } to ? ToInstant(to.AddDays(1)) : null,
        Actor, EntityType, EntityId, Action, Outcome, null, 50, Cursor);

    private DateTimeOffset ToInstant(DateTime localDay)
    {
        var local = DateTime.SpecifyKind(localDay.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }
}

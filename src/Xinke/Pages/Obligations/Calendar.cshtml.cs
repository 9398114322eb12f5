using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;

namespace Xinke.Pages.Obligations;

/// <summary>
/// A month of obligation periods, each shown on its last day (the day it is due by), with its
/// status now; filtered by owner, requirement and status like the API's calendar.
/// </summary>
[RequirePermission(ObligationPermissions.Read)]
public sealed class CalendarModel(ObligationQueries queries, HospitalClock hospital, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A month of daily duties for every department stays far below this.</summary>
    private const int MaxPeriods = 5000;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Requirement { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public DateOnly First { get; private set; }

    /// <summary>The weeks shown, Monday first; days outside the month are null.</summary>
    public IReadOnlyList<DateOnly?[]> Weeks { get; private set; } = [];

    public ILookup<DateOnly, PeriodDto> ByDay { get; private set; } = Array.Empty<PeriodDto>().ToLookup(p => default(DateOnly));

    public string ExportQuery { get; private set; } = string.Empty;

    public string Filters => QueryString.Create(new Dictionary<string, string?> { ["owner"] = Owner, ["requirement"] = Requirement, ["status"] = Status }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(hospital.ToLocal(clock.GetUtcNow()).DateTime);
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : new DateOnly(today.Year, today.Month, 1);
        var next = First.AddMonths(1);
        Weeks = BuildWeeks(First, next);
        ExportQuery = QueryString.Create(new Dictionary<string, string?>
        {
            ["format"] = "xlsx",
            ["from"] = Instant(First).ToString("O", CultureInfo.InvariantCulture),
            ["to"] = Instant(next).ToString("O", CultureInfo.InvariantCulture),
            ["owner"] = Owner,
            ["requirement"] = Requirement,
            ["status"] = Status,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

        var filter = new PeriodQuery(Instant(First), Instant(next), Status, Owner, Requirement, null, null, null).ToFilter();
        var query = filter.Succeeded ? queries.Periods(filter.Value!) : filter.Error!;
        if (!query.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[query.Error!.Code]);
            return;
        }

        var periods = await query.Value!.OrderBy(p => p.End).ThenBy(p => p.Id).Take(MaxPeriods).ToListAsync(cancellationToken);
        ByDay = (await queries.ToDtosAsync(periods, cancellationToken))
            .Select(p => (Day: DueDay(p), Period: p))
            .Where(d => d.Day >= First && d.Day < next)
            .ToLookup(d => d.Day, d => d.Period);
    }

    public string MonthLink(int offset) => $"/obligations/calendar?month={First.AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture)}{(Filters.Length > 0 ? "&" + Filters[1..] : "")}";

    private DateOnly DueDay(PeriodDto period) => DateOnly.FromDateTime(hospital.ToLocal(new DateTimeOffset(period.End.AddTicks(-1), TimeSpan.Zero)).DateTime);

    private DateTimeOffset Instant(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, hospital.Zone.GetUtcOffset(local));
    }

    private static List<DateOnly?[]> BuildWeeks(DateOnly first, DateOnly next)
    {
        var weeks = new List<DateOnly?[]>();
        var offset = ((int)first.DayOfWeek + 6) % 7;
        var week = new DateOnly?[7];
        for (var day = first; day < next; day = day.AddDays(1))
        {
            week[offset] = day;
            offset++;
            if (offset == 7)
            {
                weeks.Add(week);
                week = new DateOnly?[7];
                offset = 0;
            }
        }

        if (offset > 0)
        {
            weeks.Add(week);
        }

        return weeks;
    }
}

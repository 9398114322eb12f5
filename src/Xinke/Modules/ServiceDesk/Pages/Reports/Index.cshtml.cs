using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Reports;

namespace Xinke.Modules.ServiceDesk.Pages.Reports;

/// <summary>The service desk's reports for a period, with SVG charts drawn on the server and the export.</summary>
[RequirePermission(ServiceDeskPermissions.Reports)]
public sealed class IndexModel(ServiceDeskReports reports, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public ServiceDeskReport? Report { get; private set; }

    public SvgBarChart? VolumeChart { get; private set; }

    public SvgBarChart? SlaChart { get; private set; }

    public SvgBarChart? BacklogChart { get; private set; }

    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var built = await reports.BuildAsync(new ReportQuery(From, To, By), ServiceDeskReportsApi.IsEnglish, cancellationToken);
        if (!built.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[built.Error!.Code, built.Error.Arguments]);
            built = await reports.BuildAsync(new ReportQuery(), ServiceDeskReportsApi.IsEnglish, cancellationToken);
        }

        var report = built.Value!;
        Report = report;
        From = report.From;
        To = report.To;
        By = report.By;
        var format = report.By == ServiceDeskReports.ByWeek ? "MM-dd" : "yyyy-MM";
        VolumeChart = new SvgBarChart([.. report.Volume.GroupBy(v => v.PeriodStart).Select(g => (g.Key.ToString(format, System.Globalization.CultureInfo.InvariantCulture), (double)g.Sum(v => v.Count), (string?)null))]);
        SlaChart = new SvgBarChart([.. report.Sla.Select(s => ($"{s.Priority}", s.ResolutionMetPercent ?? 0, s.ResolutionMetPercent < 90 ? "breached" : null))], 100);
        BacklogChart = new SvgBarChart([.. report.Backlog.Select(b => (localizer[$"reportpage.backlog.{b.Bucket}"].Value, (double)b.Count, b.Bucket == "gt30d" ? "breached" : null))]);
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["by"] = report.By,
        }).ToString();
    }
}

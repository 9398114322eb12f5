using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance;

/// <summary>
/// The compliance dashboard: every rule of a framework for a period, by area and worst gaps first,
/// with a month-by-month trend; each rule leads to its records.
/// </summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class IndexModel(ComplianceReports reports, ComplianceFrameworks frameworks, XinkeDb db) : PageModel
{
    public const int TrendMonths = 12;

    /// <summary>Gaps in the records first, then rules no module evidences yet, then the green.</summary>
    public static readonly IReadOnlyList<ComplianceStatus> WorstFirst = [ComplianceStatus.NotMet, ComplianceStatus.PartlyMet, ComplianceStatus.NotCoveredYet, ComplianceStatus.Met];

    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public ComplianceFilter Filter { get; private set; } = null!;

    public IReadOnlyList<RequirementCatalogue> Frameworks => frameworks.All;

    public RequirementCatalogue Current { get; private set; } = null!;

    public ComplianceReportDto? Report { get; private set; }

    public IReadOnlyList<ComplianceMonth> Trend { get; private set; } = [];

    public IEnumerable<ComplianceItemDto> Gaps => Report is null ? [] :
        Report.Items.Where(i => Area is null || i.Area == Area).OrderBy(i => Rank(i.Status)).ThenBy(i => i.RequirementId, StringComparer.Ordinal);

    public static int Rank(ComplianceStatus status) => WorstFirst.ToList().IndexOf(status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = await ComplianceFilter.SettleAsync(Framework, From, To, DepartmentId, reports, frameworks, db, cancellationToken);
        Current = frameworks.Find(Filter.Framework)!;
        var report = await reports.BuildAsync(Filter.Framework, Filter.From, Filter.To, Filter.DepartmentId, cancellationToken);
        Report = report.Value;
        var trend = await reports.TrendAsync(Filter.Framework, null, Filter.To, TrendMonths, Filter.DepartmentId, cancellationToken);
        Trend = trend.Value ?? [];
    }
}

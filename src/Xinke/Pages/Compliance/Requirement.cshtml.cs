using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance;

/// <summary>
/// One rule: its words, source and thresholds with their citations, its status and records for the
/// period, its month-by-month trend, and the rules of other frameworks it proves or is proved by.
/// </summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class RequirementModel(ComplianceReports reports, ComplianceFrameworks frameworks, XinkeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Framework { get; set; } = RequirementCatalogue.NativeCode;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    public ComplianceFilter Filter { get; private set; } = null!;

    public RequirementCatalogue Catalogue { get; private set; } = null!;

    public Requirement Requirement { get; private set; } = null!;

    public ComplianceItemDto? Item { get; private set; }

    public IReadOnlyList<ComplianceMonth> Trend { get; private set; } = [];

    /// <summary>For a native rule, the items of mapped frameworks its records also prove.</summary>
    public IReadOnlyList<(RequirementCatalogue Framework, Requirement Requirement)> Proves { get; private set; } = [];

    /// <summary>For a mapped rule, the native rules that prove it, each with its own status.</summary>
    public IReadOnlyList<(Requirement Requirement, ComplianceItemDto Item)> ProvedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (frameworks.Find(Framework) is not { } catalogue || catalogue.Find(id) is not { } requirement)
        {
            return NotFound();
        }

        Catalogue = catalogue;
        Requirement = requirement;
        Filter = await ComplianceFilter.SettleAsync(Framework, From, To, DepartmentId, reports, frameworks, db, cancellationToken);
        var report = await reports.BuildAsync(Filter.Framework, Filter.From, Filter.To, Filter.DepartmentId, cancellationToken, [id]);
        if (report.Value is null)
        {
            return NotFound();
        }

        Item = report.Value.Items.Single(i => i.RequirementId == id);
        Trend = (await reports.TrendAsync(Filter.Framework, id, Filter.To, IndexModel.TrendMonths, Filter.DepartmentId, cancellationToken)).Value ?? [];
        if (catalogue == frameworks.Native)
        {
            Proves = [.. frameworks.ProvedBy(id)];
        }
        else
        {
            var native = frameworks.Native;
            var proving = requirement.EvidencedBy!.Requirements;
            var nativeReport = (await reports.BuildAsync(native.Code, Filter.From, Filter.To, Filter.DepartmentId, cancellationToken, proving)).Value!;
            ProvedBy = [.. nativeReport.Items.Select(i => (native.Find(i.RequirementId)!, i))];
        }

        return Page();
    }
}

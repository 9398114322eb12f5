using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;

namespace Xinke.Pages.Compliance;

/// <summary>
/// What both compliance pages are asked for — framework, period, department — settled the same
/// way: the period defaults to the year so far, a department-scoped reader is held to the first
/// department their roles reach.
/// </summary>
public sealed record ComplianceFilter(string Framework, DateOnly From, DateOnly To, long? DepartmentId, IReadOnlyList<(long Id, string Name)> Departments, bool WholeHospital)
{
    public string Query(string? requirement = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["framework"] = Framework,
        ["from"] = From.ToString("yyyy-MM-dd"),
        ["to"] = To.ToString("yyyy-MM-dd"),
        ["departmentId"] = DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["requirement"] = requirement,
    }).ToString();

    /// <summary>
    /// The evidence pack form filled in with this period and department, and with
    /// <paramref name="requirement"/> when given; a pack holds the hospital's own rules, so another
    /// framework's rule is not carried over.
    /// </summary>
    public string PackLink(string? requirement = null) => "/evidence-packs" + QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From.ToString("yyyy-MM-dd"),
        ["to"] = To.ToString("yyyy-MM-dd"),
        ["departmentId"] = DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["requirements"] = Framework == RequirementCatalogue.NativeCode ? requirement : null,
    }).ToString();

    public static async Task<ComplianceFilter> SettleAsync(string? framework, DateOnly? from, DateOnly? to, long? departmentId, ComplianceReports reports, ComplianceFrameworks frameworks, XinkeDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(frameworks);
        ArgumentNullException.ThrowIfNull(db);
        var end = to ?? reports.Today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end)
        {
            start = new DateOnly(end.Year, 1, 1);
        }

        var reachable = await reports.ReachableDepartmentsAsync(cancellationToken);
        var departments = db.Set<Department>().AsNoTracking().Where(d => d.Kind != DepartmentKind.Hospital);
        if (reachable is not null)
        {
            departments = departments.Where(d => reachable.Contains(d.Id));
        }

        var choices = (await departments.OrderBy(d => d.Path).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Name)).ToList();
        if (reachable is not null && (departmentId is null || !reachable.Contains(departmentId.Value)))
        {
            departmentId = choices.Count > 0 ? choices[0].Id : null;
        }

        return new ComplianceFilter(frameworks.Find(framework)?.Code ?? frameworks.Native.Code, start, end, departmentId, choices, reachable is null);
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Departments;

namespace Xinke.Kernel.Evidence;

public sealed record EvidenceLinkDto(string Text, string Href);

public sealed record ComplianceItemDto(string RequirementId, string Area, string Title, ComplianceStatus Status, string Reason, IReadOnlyList<EvidenceLinkDto> Links);

public sealed record ComplianceReportDto(string Framework, DateOnly From, DateOnly To, long? DepartmentId, DateTime AsOf, IReadOnlyList<ComplianceItemDto> Items)
{
    public int Count(ComplianceStatus status) => Items.Count(i => i.Status == status);
}

/// <summary>A framework's statuses in one month of a trend.</summary>
public sealed record ComplianceMonth(DateOnly Month, IReadOnlyDictionary<ComplianceStatus, int> Counts);

/// <summary>
/// The compliance view's one way of asking (the API and the pages share it): which framework,
/// which period (hospital dates, inclusive; default this month so far), which department — a
/// department-scoped reader is held to the departments their roles reach, never the hospital.
/// </summary>
public sealed class ComplianceReports(
    ComplianceFrameworks frameworks, FrameworkEvidence evidence, DepartmentScope scope, HospitalClock hospital, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const string FrameworkNotFound = "compliance.framework_not_found";
    public const string InvalidPeriod = "evidence.invalid_period";
    public const string RequirementNotFound = "compliance.requirement_not_found";
    public const string DepartmentOutOfScope = "compliance.department_out_of_scope";

    private Task<IReadOnlyList<long>?>? reachable;

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The departments the caller's compliance view is held to, or null when the whole hospital is
    /// theirs. Asked once per request (the service is scoped): a view's filter, report and trend share it.
    /// </summary>
    public Task<IReadOnlyList<long>?> ReachableDepartmentsAsync(CancellationToken cancellationToken) =>
        reachable ??= scope.DepartmentsAsync(EvidencePermissions.Read, cancellationToken);

    /// <summary>The status of every rule of a framework, or of the <paramref name="only"/> ones named.</summary>
    public async Task<Result<ComplianceReportDto>> BuildAsync(string? frameworkCode, DateOnly? from, DateOnly? to, long? departmentId, CancellationToken cancellationToken, IReadOnlyCollection<string>? only = null)
    {
        if (frameworks.Find(frameworkCode) is not { } framework)
        {
            return Error.NotFound(FrameworkNotFound);
        }

        if (only?.FirstOrDefault(id => !framework.Contains(id)) is { } unknown)
        {
            return Error.Invalid(RequirementNotFound, "requirementIds", unknown);
        }

        var end = to ?? Today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end)
        {
            return Error.Invalid(InvalidPeriod, "from");
        }

        if (await RefuseDepartmentAsync(departmentId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var query = EvidenceQuery.For(start, end, departmentId, hospital, clock.GetUtcNow().UtcDateTime);
        var culture = CultureInfo.CurrentUICulture;
        var answers = await evidence.EvaluateAsync(framework, only is null ? framework.Requirements : framework.Requirements.Where(r => only.Contains(r.Id)), query, cancellationToken);
        var items = answers.Select(a =>
        {
            var requirement = framework.Find(a.RequirementId)!;
            return new ComplianceItemDto(a.RequirementId, requirement.Area, requirement.Title.For(culture), a.Status, Reason(a), [.. a.Links.Select(l => new EvidenceLinkDto(text[l.TextKey].Value, l.Href))]);
        }).ToList();
        return new ComplianceReportDto(framework.Code, start, end, departmentId, query.AsOf, items);
    }

    /// <summary>
    /// Month by month, the last <paramref name="months"/> months up to <paramref name="to"/>: how
    /// many rules stood in each status — or, for one requirement, its status in each month.
    /// </summary>
    public async Task<Result<IReadOnlyList<ComplianceMonth>>> TrendAsync(string? frameworkCode, string? requirementId, DateOnly to, int months, long? departmentId, CancellationToken cancellationToken)
    {
        if (frameworks.Find(frameworkCode) is not { } framework || (requirementId is not null && !framework.Contains(requirementId)))
        {
            return Error.NotFound(FrameworkNotFound);
        }

        if (await RefuseDepartmentAsync(departmentId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var trend = new List<ComplianceMonth>(months);
        var first = new DateOnly(to.Year, to.Month, 1).AddMonths(1 - months);
        for (var month = first; month <= to; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var query = EvidenceQuery.For(month, end < to ? end : to, departmentId, hospital, now);
            var answers = await evidence.EvaluateAsync(framework, requirementId is null ? framework.Requirements : [framework.Find(requirementId)!], query, cancellationToken);
            trend.Add(new ComplianceMonth(month, Enum.GetValues<ComplianceStatus>().ToDictionary(s => s, s => answers.Count(a => a.Status == s))));
        }

        return trend;
    }

    public string Reason(EvidenceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return text[answer.Reason.Key, answer.Reason.Arguments].Value;
    }

    private async Task<Error?> RefuseDepartmentAsync(long? departmentId, CancellationToken cancellationToken)
    {
        var reachable = await ReachableDepartmentsAsync(cancellationToken);

        // A department-scoped reader sees its own departments' evidence only, never the hospital's.
        return reachable is not null && (departmentId is not { } wanted || !reachable.Contains(wanted)) ? Error.NotFound(DepartmentOutOfScope) : null;
    }
}

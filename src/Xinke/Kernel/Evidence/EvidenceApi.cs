using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Evidence;

public sealed record FrameworkDto(string Code, string Version, string Title, string? Note, int Requirements, bool Native);

public sealed record ThresholdDto(double Value, string? Citation);

public sealed record RequirementDto(
    string Id, string Area, string AreaTitle, string Title, string Explanation, string? Source, int? Level, bool Verified,
    IReadOnlyDictionary<string, double> Thresholds, IReadOnlyDictionary<string, ThresholdDto> Citations, IReadOnlyList<string> EvidencedBy);

/// <summary>
/// The frameworks and their rules (anyone signed in may read the rules) and each rule's status for
/// a period. <c>/api/v1/requirements</c> and <c>/api/v1/evidence</c> answer for the native
/// framework, as they did before frameworks were data.
/// </summary>
public static class EvidenceApi
{
    public static WebApplication MapEvidenceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var compliance = app.MapGroup("/api/v1/compliance").WithTags("Compliance");
        compliance.MapGet("/frameworks", Frameworks).RequireAuthorization()
            .WithName("ListFrameworks").WithSummary("The frameworks assessed: the hospital's regulations and those mapped onto them.");
        compliance.MapGet("/requirements", Requirements).RequireAuthorization()
            .WithName("ListFrameworkRequirements").WithSummary("A framework's rules in the product's words, with thresholds, citations and mappings.");
        compliance.MapGet("/status", StatusAsync).RequirePermission(EvidencePermissions.Read)
            .WithName("ComplianceStatus").WithSummary("For a framework, a period (hospital dates, inclusive) and optional department: each rule's status, reason and records.");
        app.MapGet("/api/v1/requirements", (ComplianceFrameworks frameworks, HttpContext http) => Requirements(null, frameworks, http)).RequireAuthorization().WithTags("Compliance")
            .WithName("ListRequirements").WithSummary("The rules of the regulations, in the product's words, with their thresholds.");
        app.MapGet("/api/v1/evidence", (DateOnly? from, DateOnly? to, long? departmentId, ComplianceReports reports, HttpContext http, CancellationToken cancellationToken) =>
                StatusAsync(null, from, to, departmentId, reports, http, cancellationToken))
            .RequirePermission(EvidencePermissions.Read).WithTags("Compliance")
            .WithName("EvaluateEvidence").WithSummary("For a period (hospital dates, inclusive) and optional department: each rule's status, reason and records.");
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.compliance", "/compliance", 50, EvidencePermissions.Read));
        return app;
    }

    private static Ok<IReadOnlyList<FrameworkDto>> Frameworks(ComplianceFrameworks frameworks)
    {
        var culture = CultureInfo.CurrentUICulture;
        return TypedResults.Ok<IReadOnlyList<FrameworkDto>>(
            [.. frameworks.All.Select(f => new FrameworkDto(f.Code, f.Version, f.Title.For(culture), f.Note?.For(culture), f.Requirements.Count, f == frameworks.Native))]);
    }

    private static Results<Ok<IReadOnlyList<RequirementDto>>, ProblemHttpResult> Requirements(string? framework, ComplianceFrameworks frameworks, HttpContext http)
    {
        if (frameworks.Find(framework) is not { } found)
        {
            return ApiProblems.From(http, Error.NotFound(ComplianceReports.FrameworkNotFound));
        }

        var culture = CultureInfo.CurrentUICulture;
        var areas = found.Areas.ToDictionary(a => a.Code, a => a.Title.For(culture), StringComparer.Ordinal);
        return TypedResults.Ok<IReadOnlyList<RequirementDto>>([.. found.Requirements.Select(r => new RequirementDto(
            r.Id, r.Area, areas[r.Area], r.Title.For(culture), r.Explanation.For(culture), r.Source, r.Level, r.Verified, r.Thresholds,
            r.OwnThresholds.ToDictionary(t => t.Key, t => new ThresholdDto(t.Value.Value, t.Value.Citation?.For(culture)), StringComparer.Ordinal),
            r.EvidencedBy?.Requirements ?? []))]);
    }

    private static async Task<Results<Ok<ComplianceReportDto>, ProblemHttpResult>> StatusAsync(
        string? framework, DateOnly? from, DateOnly? to, long? departmentId, ComplianceReports reports, HttpContext http, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(framework, from, to, departmentId, cancellationToken);
        return report.Error is { } error ? ApiProblems.From(http, error) : TypedResults.Ok(report.Value!);
    }
}

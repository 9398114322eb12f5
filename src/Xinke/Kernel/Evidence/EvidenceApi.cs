using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Evidence;

public sealed record RequirementDto(string Id, string Area, string AreaTitle, string Title, string Explanation, IReadOnlyDictionary<string, double> Thresholds);

public sealed record EvidenceLinkDto(string Text, string Href);

public sealed record EvidenceItemDto(string RequirementId, string Title, ComplianceStatus Status, string Reason, IReadOnlyList<EvidenceLinkDto> Links);

public sealed record EvidenceReportDto(DateOnly From, DateOnly To, long? DepartmentId, DateTime AsOf, IReadOnlyList<EvidenceItemDto> Items);

/// <summary>The requirement catalogue (anyone signed in may read the rules) and the evidence for a period.</summary>
public static class EvidenceApi
{
    public static WebApplication MapEvidenceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/requirements", Requirements).RequireAuthorization().WithTags("Compliance")
            .WithName("ListRequirements").WithSummary("The rules of the regulations, in the product's words, with their thresholds.");
        app.MapGet("/api/v1/evidence", EvaluateAsync).RequirePermission(EvidencePermissions.Read).WithTags("Compliance")
            .WithName("EvaluateEvidence").WithSummary("For a period (hospital dates, inclusive) and optional department: each rule's status, reason and records.");
        return app;
    }

    private static Ok<IReadOnlyList<RequirementDto>> Requirements(RequirementCatalogue catalogue)
    {
        var culture = CultureInfo.CurrentUICulture;
        var areas = catalogue.Areas.ToDictionary(a => a.Code, a => a.Title.For(culture), StringComparer.Ordinal);
        return TypedResults.Ok<IReadOnlyList<RequirementDto>>(
            [.. catalogue.Requirements.Select(r => new RequirementDto(r.Id, r.Area, areas[r.Area], r.Title.For(culture), r.Explanation.For(culture), r.Thresholds))]);
    }

    private static async Task<Results<Ok<EvidenceReportDto>, NotFound, ProblemHttpResult>> EvaluateAsync(
        DateOnly? from, DateOnly? to, long? departmentId,
        ComplianceEvidence evidence, RequirementCatalogue catalogue, DepartmentScope scope, HospitalClock hospital, TimeProvider clock,
        IStringLocalizer<SharedResource> text, HttpContext http, CancellationToken cancellationToken)
    {
        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1);
        if (start > end)
        {
            return ApiProblems.From(http, Error.Invalid("evidence.invalid_period", "from"));
        }

        var reachable = await scope.DepartmentsAsync(EvidencePermissions.Read, cancellationToken);
        if (reachable is not null && (departmentId is not { } wanted || !reachable.Contains(wanted)))
        {
            // A department-scoped reader sees its own departments' evidence only, never the hospital's.
            return TypedResults.NotFound();
        }

        var query = EvidenceQuery.For(start, end, departmentId, hospital, clock.GetUtcNow().UtcDateTime);
        var culture = CultureInfo.CurrentUICulture;
        var answers = await evidence.EvaluateAsync(query, cancellationToken);
        var items = answers.Select(a => new EvidenceItemDto(
            a.RequirementId,
            catalogue.Find(a.RequirementId)!.Title.For(culture),
            a.Status,
            text[a.Reason.Key, a.Reason.Arguments].Value,
            [.. a.Links.Select(l => new EvidenceLinkDto(text[l.TextKey].Value, l.Href))])).ToList();
        return TypedResults.Ok(new EvidenceReportDto(start, end, departmentId, query.AsOf, items));
    }
}

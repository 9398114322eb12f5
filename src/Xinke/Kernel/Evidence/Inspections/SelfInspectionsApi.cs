using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>
/// <c>/api/v1/compliance/inspections</c>: the monthly self-inspections of the compliance view. A
/// draft gathers comments and files (attachments with owner type <c>compliance-inspection</c>);
/// <c>record</c> freezes the statuses seen and reports the month's duty; <c>review</c> is the
/// independent review that makes the month done; <c>follow-ups</c> raise improvement actions.
/// </summary>
public static class SelfInspectionsApi
{
    public static readonly ListDefinition<SelfInspection> List = new ListDefinition<SelfInspection>("compliance-inspections", i => i.Id, "-period")
        .SortBy("period", i => i.PeriodFrom)
        .SortBy("code", i => i.Code);

    public static WebApplication MapSelfInspectionsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/compliance/inspections").WithTags("Compliance");
        group.MapGet("/", ListAsync).RequirePermission(EvidencePermissions.Read).WithName("ListComplianceInspections").WithSummary("The self-inspections of the compliance view, newest period first.");
        group.MapGet("/export", ExportAsync).RequirePermission(EvidencePermissions.Read).WithName("ExportComplianceInspections").WithSummary("Export the self-inspections (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(EvidencePermissions.Read).WithName("GetComplianceInspection").WithSummary("One self-inspection with its snapshot, follow-ups and review.");
        group.MapPost("/", CreateAsync).RequirePermission(EvidencePermissions.Inspect).WithName("CreateComplianceInspection").WithSummary("Start a self-inspection: the period looked at and the comments.");
        group.MapPost("/{id:long}/record", RecordAsync).RequirePermission(EvidencePermissions.Inspect).WithName("RecordComplianceInspection").WithSummary("Record it: freeze the statuses seen and report the month's duty (needs a file attached).");
        group.MapPost("/{id:long}/follow-ups", FollowUpAsync).RequirePermission(EvidencePermissions.Inspect).WithName("RaiseComplianceInspectionFollowUp").WithSummary("Raise a follow-up action in the improvement register.");
        group.MapPost("/{id:long}/review", ReviewAsync).RequirePermission(EvidencePermissions.Read).WithName("ReviewComplianceInspection").WithSummary("Review the month the inspection closed (not by the inspector).");
        return app;
    }

    private static async Task<Results<Ok<Page<SelfInspectionDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(inspections, request.Q, cancellationToken);
        var page = await List.PageAsync(query, request, i => SelfInspectionDto.From(i), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value!) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, string? format, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(inspections, request.Q, cancellationToken);
        ExportColumn<SelfInspection>[] columns =
        [
            new("compliance_inspection.code", i => i.Code),
            new("compliance_inspection.period_from", i => i.PeriodFrom),
            new("compliance_inspection.period_to", i => i.PeriodTo),
            new("compliance_inspection.recorded_at", i => i.RecordedAt),
            new("compliance_inspection.red", i => i.RedRequirements),
            new("compliance_inspection.comments", i => i.Comments),
        ];
        return ListExports.Of(http, format, Result<IQueryable<SelfInspection>>.Success(query), List, request, columns, "compliance-inspections");
    }

    public static async Task<IQueryable<SelfInspection>> QueryAsync(SelfInspections inspections, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspections);
        var query = await inspections.VisibleAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(i => i.Code.Contains(text) || i.Comments.Contains(text));
        }

        return query;
    }

    private static async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> GetAsync(long id, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken) =>
        await inspections.FindAsync(id, cancellationToken) is { } inspection
            ? await RespondAsync(inspection, inspections, http, cancellationToken)
            : ApiProblems.From(http, Error.NotFound(SelfInspectionErrors.NotFound));

    private static async Task<Results<Created<SelfInspectionDto>, ProblemHttpResult>> CreateAsync(SelfInspectionInput input, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await inspections.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/compliance/inspections/{created.Value.Id}", SelfInspectionDto.From(created.Value));
    }

    /// <summary>Recording takes an optional If-Match: a client that sends one is refused on a stale version.</summary>
    private static async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> RecordAsync(long id, SelfInspections inspections, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var recorded = await inspections.RecordAsync(id, i => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(i)), cancellationToken);
        return recorded.Succeeded ? await RespondAsync(recorded.Value!, inspections, http, cancellationToken) : ApiProblems.From(http, recorded.Error!);
    }

    private static async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> FollowUpAsync(long id, SelfInspectionFollowUpInput input, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var raised = await inspections.FollowUpAsync(id, input, cancellationToken);
        return raised.Succeeded ? await GetAsync(id, inspections, http, cancellationToken) : ApiProblems.From(http, raised.Error!);
    }

    private static async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> ReviewAsync(long id, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var reviewed = await inspections.ReviewAsync(id, cancellationToken);
        return reviewed.Succeeded ? await RespondAsync(reviewed.Value!, inspections, http, cancellationToken) : ApiProblems.From(http, reviewed.Error!);
    }

    private static async Task<Results<Ok<SelfInspectionDto>, ProblemHttpResult>> RespondAsync(SelfInspection inspection, SelfInspections inspections, HttpContext http, CancellationToken cancellationToken)
    {
        var followUps = await inspections.FollowUpsAsync(inspection.Id, cancellationToken);
        var review = await inspections.ReviewOfAsync(inspection, cancellationToken);
        Versioning.SetETag(http.Response, inspection.Version);
        return TypedResults.Ok(SelfInspectionDto.From(inspection, followUps, review));
    }
}

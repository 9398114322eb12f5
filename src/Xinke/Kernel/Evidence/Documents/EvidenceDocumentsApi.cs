using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Evidence.Documents;

public sealed record EvidenceDocumentFilter(string? Requirement, bool? Expired, EvidenceDocumentKind? Kind);

/// <summary>
/// <c>/api/v1/evidence-documents</c>: the documents kept as evidence. Their revisions are
/// attachments (<c>/api/v1/attachments</c> with owner type <c>evidence-document</c>, a new
/// revision naming the one it replaces), so every revision stays with its SM3.
/// </summary>
public static class EvidenceDocumentsApi
{
    public static readonly ListDefinition<EvidenceDocument> List = new ListDefinition<EvidenceDocument>("evidence-documents", d => d.Id, "-covers")
        .SortBy("covers", d => d.CoversFrom)
        .SortBy("code", d => d.Code)
        .SortBy("title", d => d.Title);

    public static WebApplication MapEvidenceDocumentsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/evidence-documents").WithTags("Compliance");
        group.MapGet("/", ListAsync).RequirePermission(EvidencePermissions.Read).WithName("ListEvidenceDocuments").WithSummary("Evidence documents, by requirement, kind or expiry.");
        group.MapGet("/export", ExportAsync).RequirePermission(EvidencePermissions.Read).WithName("ExportEvidenceDocuments").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(EvidencePermissions.Read).WithName("GetEvidenceDocument").WithSummary("One evidence document with its current revision.");
        group.MapPost("/", CreateAsync).RequirePermission(EvidencePermissions.Documents).WithName("CreateEvidenceDocument").WithSummary("Record a document kept as evidence; attach its file as a revision.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(EvidencePermissions.Documents).WithName("EditEvidenceDocument").WithSummary("Change a document's fields (JSON merge patch, If-Match).");
        return app;
    }

    public static async Task<IQueryable<EvidenceDocument>> QueryAsync(EvidenceDocuments documents, EvidenceDocumentFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(filter);
        var query = await documents.VisibleAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Requirement))
        {
            var requirement = filter.Requirement.Trim();
            query = query.Where(d => d.Requirements.Any(r => r.RequirementId == requirement));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (filter.Expired is { } expired)
        {
            var today = documents.Today;
            query = expired ? query.Where(d => d.ExpiresOn != null && d.ExpiresOn <= today) : query.Where(d => d.ExpiresOn == null || d.ExpiresOn > today);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(d => d.Title.Contains(text) || d.Code.Contains(text));
        }

        return query;
    }

    private static async Task<Results<Ok<Page<EvidenceDocumentDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] EvidenceDocumentFilter filter, EvidenceDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(documents, filter, request.Q, cancellationToken);
        var page = await List.PageAsync(query, request, d => d, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        var revisions = await documents.RevisionsAsync([.. page.Value!.Items.Select(d => d.Id)], cancellationToken);
        var today = documents.Today;
        return TypedResults.Ok(new Page<EvidenceDocumentDto>(
            [.. page.Value.Items.Select(d => EvidenceDocumentDto.From(d, today, revisions.GetValueOrDefault(d.Id, EvidenceDocumentRevisions.None)))], page.Value.NextCursor));
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] EvidenceDocumentFilter filter, string? format, EvidenceDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(documents, filter, request.Q, cancellationToken);
        var today = documents.Today;
        ExportColumn<EvidenceDocument>[] columns =
        [
            new("evidence_document.code", d => d.Code),
            new("evidence_document.title", d => d.Title),
            new("evidence_document.kind", d => d.Kind.ToString()),
            new("evidence_document.requirements", d => string.Join(", ", d.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal))),
            new("evidence_document.covers_from", d => d.CoversFrom),
            new("evidence_document.covers_to", d => d.CoversTo),
            new("evidence_document.expires_on", d => d.ExpiresOn),
            new("evidence_document.expired", d => !d.CountsOn(today)),
        ];
        return ListExports.Of(http, format, Result<IQueryable<EvidenceDocument>>.Success(query), List, request, columns, "evidence-documents");
    }

    private static async Task<Results<Ok<EvidenceDocumentDto>, ProblemHttpResult>> GetAsync(long id, EvidenceDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document)
        {
            return ApiProblems.From(http, Error.NotFound(EvidenceDocumentErrors.NotFound));
        }

        return await RespondAsync(document, documents, http, cancellationToken);
    }

    private static async Task<Results<Created<EvidenceDocumentDto>, ProblemHttpResult>> CreateAsync(EvidenceDocumentInput input, EvidenceDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await documents.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/evidence-documents/{created.Value.Id}", EvidenceDocumentDto.From(created.Value, documents.Today, EvidenceDocumentRevisions.None));
    }

    private static async Task<Results<Ok<EvidenceDocumentDto>, ProblemHttpResult>> PatchAsync(
        long id, JsonElement patch, EvidenceDocuments documents, XinkeDb db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await documents.EditAsync(id, current => MergePatch.Apply(current, patch, json.Value.SerializerOptions), d => Versioning.Expect(http.Request, db.Entry(d)), cancellationToken);
        return changed.Succeeded ? await RespondAsync(changed.Value!, documents, http, cancellationToken) : ApiProblems.From(http, changed.Error!);
    }

    private static async Task<Results<Ok<EvidenceDocumentDto>, ProblemHttpResult>> RespondAsync(EvidenceDocument document, EvidenceDocuments documents, HttpContext http, CancellationToken cancellationToken)
    {
        var revisions = await documents.RevisionsAsync([document.Id], cancellationToken);
        Versioning.SetETag(http.Response, document.Version);
        return TypedResults.Ok(EvidenceDocumentDto.From(document, documents.Today, revisions.GetValueOrDefault(document.Id, EvidenceDocumentRevisions.None)));
    }

}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>The knowledge base (知识库): <c>/api/v1/kb</c>.</summary>
public static class KnowledgeApi
{
    public const int MaxSearchLimit = 20;

    public static readonly ListDefinition<KnowledgeArticle> List = new ListDefinition<KnowledgeArticle>("kb", a => a.Id, "-updated")
        .SortBy("code", a => a.Code)
        .SortBy("title", a => a.Title)
        .SortBy("updated", a => a.UpdatedAt)
        .SortBy("views", a => a.Views)
        .SortBy("helpful", a => a.HelpfulVotes);

    public static ExportColumn<KnowledgeArticle>[] Columns { get; } =
    [
        new("kb.code", a => a.Code),
        new("kb.title", a => a.Title),
        new("kb.summary", a => a.Summary),
        new("kb.tags", a => a.Tags),
        new("kb.status", a => a.Status.ToString()),
        new("kb.published_at", a => a.PublishedAt),
        new("kb.revision", a => a.Revision),
        new("kb.views", a => a.Views),
        new("kb.helpful_votes", a => a.HelpfulVotes),
        new("kb.unhelpful_votes", a => a.UnhelpfulVotes),
    ];

    public static WebApplication MapKnowledgeBaseApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/kb").WithTags("Knowledge base");
        group.MapGet("/", ListAsync).RequirePermission(ServiceDeskPermissions.KbRead).WithName("ListKnowledgeArticles").WithSummary("Articles, filtered by text (trigram search), status, system, category or tag; staff see published ones only.");
        group.MapGet("/export", ExportAsync).RequirePermission(ServiceDeskPermissions.KbRead).WithName("ExportKnowledgeArticles").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/search", SearchAsync).RequirePermission(ServiceDeskPermissions.KbRead).WithName("SearchKnowledgeArticles").WithSummary("The best matches for a text, most relevant first, each with a snippet around the term found.");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(ServiceDeskPermissions.KbRead).WithName("GetKnowledgeArticle").WithSummary("One article, with its body rendered to sanitised HTML.");
        group.MapGet("/{id:long}/revisions", RevisionsAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("ListKnowledgeRevisions").WithSummary("The texts a published article had before its edits, newest first.");
        group.MapPost("/", CreateAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("CreateKnowledgeArticle").WithSummary("Write a draft article.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("EditKnowledgeArticle").WithSummary("Change an article's fields (JSON merge patch, If-Match); an edit of a published article keeps the text it replaces.");
        group.MapPost("/{id:long}/publish", PublishAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("PublishKnowledgeArticle").WithSummary("Show a draft or archived article to staff; the publisher is its reviewer.");
        group.MapPost("/{id:long}/archive", ArchiveAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("ArchiveKnowledgeArticle").WithSummary("Take a published article out of staff's sight; it stays on record.");
        group.MapPost("/from-ticket/{ticketId:long}", FromTicketAsync).RequirePermission(ServiceDeskPermissions.KbWrite).WithName("CreateKnowledgeArticleFromTicket").WithSummary("Write a draft from a resolved ticket: its title, symptom, cause and resolution, never its comments.");
        group.MapPost("/{id:long}/vote", VoteAsync).RequirePermission(ServiceDeskPermissions.KbRead).WithName("VoteKnowledgeArticle").WithSummary("Say whether a published article helped you; a second vote replaces the first.");
        return app;
    }

    /// <summary>The list's query under the filters; shared by the list, the export and the page.</summary>
    public static async Task<Result<IQueryable<KnowledgeArticle>>> QueryAsync(KnowledgeBase kb, KnowledgeFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await kb.VisibleAsync(cancellationToken);
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<KnowledgeStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(KnowledgeErrors.InvalidStatus, "status");
            }

            query = query.Where(a => a.Status == status);
        }

        if (filter.SystemId is { } system)
        {
            query = query.Where(a => a.SystemId == system);
        }

        if (filter.CategoryId is { } category)
        {
            query = query.Where(a => a.CategoryId == category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim();
            query = query.Where(a => a.Tags != null && ("," + a.Tags + ",").Contains("," + tag + ","));
        }

        return Result<IQueryable<KnowledgeArticle>>.Success(string.IsNullOrWhiteSpace(q) ? query : kb.Search.Matching(query, q));
    }

    private static async Task<Results<Ok<Page<KnowledgeArticleDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] KnowledgeFilter filter, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(kb, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, a => KnowledgeArticleDto.From(a), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] KnowledgeFilter filter, string? format, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAsync(kb, filter, request.Q, cancellationToken), List, request, Columns, "kb");

    private static async Task<Results<Ok<IReadOnlyList<KnowledgeHit>>, ProblemHttpResult>> SearchAsync(string? q, int? limit, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken)
    {
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return ApiProblems.From(http, Error.Invalid("request.invalid", "q"));
        }

        if (limit is < 1 or > MaxSearchLimit)
        {
            return ApiProblems.From(http, Error.Invalid(PagingErrors.InvalidLimit, "limit", 1, MaxSearchLimit));
        }

        return TypedResults.Ok(await kb.Search.RankedAsync(await kb.VisibleAsync(cancellationToken), q, limit ?? 10, cancellationToken));
    }

    private static async Task<Results<Ok<KnowledgeArticleDto>, NotFound>> GetAsync(long id, KnowledgeBase kb, KnowledgeMarkdown markdown, HttpContext http, CancellationToken cancellationToken)
    {
        var article = await kb.FindAsync(id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, article.Version);
        return TypedResults.Ok(KnowledgeArticleDto.From(article, markdown.RenderArticle(article)));
    }

    private static async Task<Results<Ok<IReadOnlyList<KnowledgeRevisionDto>>, NotFound>> RevisionsAsync(long id, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (await kb.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<KnowledgeRevisionDto>>([.. (await kb.RevisionsAsync(id, cancellationToken)).Select(KnowledgeRevisionDto.From)]);
    }

    private static async Task<Results<Created<KnowledgeArticleDto>, ProblemHttpResult>> CreateAsync(KnowledgeInput input, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await kb.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var article = created.Value!;
        Versioning.SetETag(http.Response, article.Version);
        return TypedResults.Created($"/api/v1/kb/{article.Id}", KnowledgeArticleDto.From(article));
    }

    private static async Task<Results<Created<KnowledgeArticleDto>, ProblemHttpResult>> FromTicketAsync(long ticketId, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await kb.CreateFromTicketAsync(ticketId, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var article = created.Value!;
        Versioning.SetETag(http.Response, article.Version);
        return TypedResults.Created($"/api/v1/kb/{article.Id}", KnowledgeArticleDto.From(article));
    }

    private static Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> PatchAsync(long id, JsonElement patch, KnowledgeBase kb, XinkeDb db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(kb.EditAsync(id, current => MergePatch.Apply(current, patch, json.Value.SerializerOptions), a => Versioning.Expect(http.Request, db.Entry(a)), cancellationToken), http);

    private static Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> PublishAsync(long id, KnowledgeBase kb, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(kb.PublishAsync(id, OptionalIfMatch(http, db), cancellationToken), http);

    private static Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> ArchiveAsync(long id, KnowledgeBase kb, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(kb.ArchiveAsync(id, OptionalIfMatch(http, db), cancellationToken), http);

    private static Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> VoteAsync(long id, VoteInput input, KnowledgeBase kb, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(kb.VoteAsync(id, input?.Helpful, cancellationToken), http);

    /// <summary>A verb checks If-Match when the caller sends one.</summary>
    private static KnowledgePrecondition OptionalIfMatch(HttpContext http, XinkeDb db) =>
        a => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(a));

    private static async Task<Results<Ok<KnowledgeArticleDto>, ProblemHttpResult>> RespondAsync(Task<Result<KnowledgeArticle>> change, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(KnowledgeArticleDto.From(changed.Value));
    }
}

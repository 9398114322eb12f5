using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Improvements;

/// <summary>The improvement register (整改台账): <c>/api/v1/improvements</c>.</summary>
public static class ImprovementsApi
{
    public static readonly ListDefinition<ImprovementAction> List = new ListDefinition<ImprovementAction>("improvements", a => a.Id, "-id")
        .SortBy("id", a => a.Id)
        .SortBy("dueDate", a => a.DueDate)
        .SortBy("createdAt", a => a.CreatedAt);

    public static WebApplication MapImprovementsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/improvements").WithTags("Improvements");
        group.MapGet("/", ListAsync).RequirePermission(ImprovementPermissions.Read).WithName("ListImprovements").WithSummary("The improvement register, filtered by status, source, owner or overdue.");
        group.MapGet("/export", ExportAsync).RequirePermission(ImprovementPermissions.Read).WithName("ExportImprovements").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(ImprovementPermissions.Read).WithName("GetImprovement").WithSummary("One improvement action.");
        group.MapPost("/", CreateAsync).RequirePermission(ImprovementPermissions.Write).WithName("CreateImprovement").WithSummary("Raise an improvement action.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(ImprovementPermissions.Write).WithName("EditImprovement").WithSummary("Change description, owner or due date (If-Match).");
        group.MapPost("/{id:long}/start", (long id, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(actions.StartAsync(id, IfMatched(http, db), ct), actions, http))
            .RequirePermission(ImprovementPermissions.Read).WithName("StartImprovement").WithSummary("The owner starts work on the action.");
        group.MapPost("/{id:long}/submit", (long id, SubmitInput input, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(actions.SubmitAsync(id, input.Evidence, input.AttachmentIds, IfMatched(http, db), ct), actions, http))
            .RequirePermission(ImprovementPermissions.Read).WithName("SubmitImprovement").WithSummary("The owner submits evidence of completion for verification.");
        group.MapPost("/{id:long}/verify", (long id, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(actions.VerifyAsync(id, IfMatched(http, db), ct), actions, http))
            .RequirePermission(ImprovementPermissions.Verify).WithName("VerifyImprovement").WithSummary("Someone other than the owner verifies the completion and closes the action.");
        group.MapPost("/{id:long}/reopen", (long id, ReasonInput input, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(actions.ReopenAsync(id, input.Reason, IfMatched(http, db), ct), actions, http))
            .RequirePermission(ImprovementPermissions.Verify).WithName("ReopenImprovement").WithSummary("The verifier sends the action back, saying why.");
        group.MapPost("/{id:long}/cancel", (long id, ReasonInput input, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(actions.CancelAsync(id, input.Reason, IfMatched(http, db), ct), actions, http))
            .RequirePermission(ImprovementPermissions.Cancel).WithName("CancelImprovement").WithSummary("The IT director cancels the action, saying why.");
        return app;
    }

    public static readonly ExportColumn<ImprovementAction>[] Columns =
    [
        new("improvement.code", a => a.Code),
        new("improvement.source", a => a.SourceKind.ToString()),
        new("improvement.source_label", a => a.SourceLabel),
        new("improvement.description", a => a.Description),
        new("improvement.owner", a => a.OwnerId),
        new("improvement.due_date", a => a.DueDate),
        new("improvement.status", a => a.Status.ToString()),
        new("improvement.created_at", a => a.CreatedAt),
    ];

    /// <summary>The register's query under the caller's scope and the filters; shared by the list, the export and the page.</summary>
    public static async Task<Result<IQueryable<ImprovementAction>>> QueryAsync(ImprovementActions actions, ImprovementFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        ImprovementStatus? status = null;
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<ImprovementStatus>(filter.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid(ImprovementErrors.InvalidStatus, "status");
            }

            status = parsed;
        }

        ImprovementSourceKind? source = null;
        if (filter.Source is not null)
        {
            if (!Enum.TryParse<ImprovementSourceKind>(filter.Source, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid(ImprovementErrors.InvalidSource, "source");
            }

            source = parsed;
        }

        var query = (await actions.VisibleAsync(ImprovementPermissions.Read, cancellationToken)).AsNoTracking();
        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        if (source is not null)
        {
            query = query.Where(a => a.SourceKind == source);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(a => a.OwnerId == owner);
        }

        if (filter.Overdue is { } overdue)
        {
            var today = actions.Today;
            query = overdue
                ? query.Where(a => a.Status != ImprovementStatus.Verified && a.Status != ImprovementStatus.Cancelled && a.DueDate < today)
                : query.Where(a => a.Status == ImprovementStatus.Verified || a.Status == ImprovementStatus.Cancelled || a.DueDate >= today);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(a => a.Code.Contains(q) || a.Description.Contains(q) || (a.SourceLabel != null && a.SourceLabel.Contains(q)));
        }

        return Result<IQueryable<ImprovementAction>>.Success(query);
    }

    private static async Task<Results<Ok<Page<ImprovementDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] ImprovementFilter filter, ImprovementActions actions, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(actions, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var today = actions.Today;
        var page = await List.PageAsync(query.Value!, request, a => ImprovementDto.From(a, today), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] ImprovementFilter filter, string? format, ImprovementActions actions, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAsync(actions, filter, request.Q, cancellationToken), List, request, Columns, "improvements");

    private static async Task<Results<Ok<ImprovementDto>, NotFound>> GetAsync(long id, ImprovementActions actions, HttpContext http, CancellationToken cancellationToken)
    {
        var action = await actions.FindAsync(id, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, action.Version);
        return TypedResults.Ok(ImprovementDto.From(action, actions.Today));
    }

    private static async Task<Results<Created<ImprovementDto>, ProblemHttpResult>> CreateAsync(ImprovementInput input, ImprovementActions actions, HttpContext http, CancellationToken cancellationToken)
    {
        if (input.OwnerId is null)
        {
            return ApiProblems.From(http, Error.Invalid(ImprovementErrors.UnknownOwner, "ownerId"));
        }

        if (input.DueDate is null)
        {
            return ApiProblems.From(http, Error.Invalid(ImprovementErrors.InvalidDueDate, "dueDate"));
        }

        var source = input.Source is { } s ? new ImprovementSource(s.Kind, s.Module, s.Entity, s.Id, s.Label) : new ImprovementSource(ImprovementSourceKind.Other);
        var raised = await actions.RaiseAsync(source, input.Description, input.OwnerId.Value, input.DueDate.Value, cancellationToken, input.DepartmentId);
        if (!raised.Succeeded)
        {
            return ApiProblems.From(http, raised.Error!);
        }

        var action = raised.Value!;
        Versioning.SetETag(http.Response, action.Version);
        return TypedResults.Created($"/api/v1/improvements/{action.Id}", ImprovementDto.From(action, actions.Today));
    }

    private static Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> PatchAsync(long id, ImprovementPatch patch, ImprovementActions actions, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(actions.EditAsync(id, patch.Description, patch.OwnerId, patch.DueDate, a => Versioning.Expect(http.Request, db.Entry(a)), cancellationToken), actions, http);

    /// <summary>Verbs take an optional If-Match: a client that sends one is refused on a stale version.</summary>
    private static ImprovementPrecondition IfMatched(HttpContext http, XinkeDb db) =>
        a => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(a));

    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> RespondAsync(Task<Result<ImprovementAction>> change, ImprovementActions actions, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(ImprovementDto.From(changed.Value, actions.Today));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Checklists;

/// <summary>Templates (<c>/api/v1/checklist-templates</c>) and runs (<c>/api/v1/checklist-runs</c>).</summary>
public static class ChecklistsApi
{
    public static readonly ListDefinition<ChecklistTemplate> Templates = new ListDefinition<ChecklistTemplate>("checklist-templates", t => t.Id, "code")
        .SortBy("id", t => t.Id)
        .SortBy("code", t => t.Code)
        .SortBy("name", t => t.Name);

    public static readonly ListDefinition<ChecklistRun> Runs = new ListDefinition<ChecklistRun>("checklist-runs", r => r.Id, "-startedAt")
        .SortBy("id", r => r.Id)
        .SortBy("startedAt", r => r.StartedAt);

    public static readonly ExportColumn<ChecklistRun>[] RunColumns =
    [
        new("checklist.run.code", r => r.Code),
        new("checklist.run.subject", r => r.SubjectLabel),
        new("checklist.run.location", r => r.Location),
        new("checklist.run.performed_by", r => r.PerformedById),
        new("checklist.run.started_at", r => r.StartedAt),
        new("checklist.run.completed_at", r => r.CompletedAt),
        new("checklist.run.state", r => r.State.ToString()),
    ];

    public static WebApplication MapChecklistsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var templates = app.MapGroup("/api/v1/checklist-templates").WithTags("Checklists");
        templates.MapGet("/", ListTemplatesAsync).RequirePermission(ChecklistPermissions.Read).WithName("ListChecklistTemplates").WithSummary("Checklist templates, paged.");
        templates.MapGet("/{id:long}", GetTemplateAsync).RequirePermission(ChecklistPermissions.Read).WithName("GetChecklistTemplate").WithSummary("A template with the items of its current revision (or ?revision=n).");
        templates.MapPost("/", CreateTemplateAsync).RequirePermission(ChecklistPermissions.Write).WithName("CreateChecklistTemplate").WithSummary("Create a template with its first revision of items.");
        templates.MapPatch("/{id:long}", EditTemplateAsync).RequirePermission(ChecklistPermissions.Write).WithName("EditChecklistTemplate").WithSummary("Change a template (If-Match); new items make a new revision, runs keep theirs.");

        var runs = app.MapGroup("/api/v1/checklist-runs").WithTags("Checklists");
        runs.MapGet("/", ListRunsAsync).RequirePermission(ChecklistPermissions.Read).WithName("ListChecklistRuns").WithSummary("Checklist runs, paged, within the caller's department scope.");
        runs.MapGet("/export", ExportRunsAsync).RequirePermission(ChecklistPermissions.Read).WithName("ExportChecklistRuns").WithSummary("Export what the same filters select (xlsx or csv).");
        runs.MapGet("/{id:long}", GetRunAsync).RequirePermission(ChecklistPermissions.Read).WithName("GetChecklistRun").WithSummary("A run with its readings.");
        runs.MapPost("/", StartRunAsync).RequirePermission(ChecklistPermissions.Run).WithName("StartChecklistRun").WithSummary("Start a run of a template on a subject.");
        runs.MapPost("/{id:long}/readings", RecordReadingsAsync).RequirePermission(ChecklistPermissions.Run).WithName("RecordChecklistReadings").WithSummary("Record readings of a run in progress.");
        runs.MapPost("/{id:long}/complete", CompleteAsync).RequirePermission(ChecklistPermissions.Run).WithName("CompleteChecklistRun").WithSummary("Complete a run; readings out of line become findings.");
        return app;
    }

    public static async Task<Result<IQueryable<ChecklistRun>>> RunQueryAsync(ChecklistService checklists, RunFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checklists);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await checklists.VisibleRunsAsync(ChecklistPermissions.Read, cancellationToken);
        if (filter.TemplateId is { } template)
        {
            query = query.Where(r => r.TemplateId == template);
        }

        if (filter.State is not null)
        {
            if (!Enum.TryParse<ChecklistRunState>(filter.State, ignoreCase: true, out var state) || !Enum.IsDefined(state))
            {
                return Error.Invalid("request.invalid", "state");
            }

            query = query.Where(r => r.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectType))
        {
            query = query.Where(r => r.SubjectType == filter.SubjectType);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(r => r.Code.Contains(q) || r.SubjectLabel.Contains(q) || (r.Location != null && r.Location.Contains(q)));
        }

        return Result<IQueryable<ChecklistRun>>.Success(query);
    }

    private static async Task<Results<Ok<Page<ChecklistTemplateDto>>, ProblemHttpResult>> ListTemplatesAsync([AsParameters] ListRequest request, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var query = db.Set<ChecklistTemplate>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            if (request.Q.Length > ListRequest.MaxQueryLength)
            {
                return ApiProblems.From(http, Error.Invalid("request.invalid", "q"));
            }

            query = query.Where(t => t.Code.Contains(request.Q) || t.Name.Contains(request.Q));
        }

        var page = await Templates.PageAsync(query, request, t => ChecklistTemplateDto.From(t), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<ChecklistTemplateDto>, NotFound>> GetTemplateAsync(long id, int? revision, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await checklists.TemplateAsync(id, revision, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, view.Template.Version);
        return TypedResults.Ok(ChecklistTemplateDto.From(view.Template, view.Revision));
    }

    private static async Task<Results<Created<ChecklistTemplateDto>, ProblemHttpResult>> CreateTemplateAsync(TemplateInput input, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await checklists.CreateTemplateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var view = created.Value!;
        Versioning.SetETag(http.Response, view.Template.Version);
        return TypedResults.Created($"/api/v1/checklist-templates/{view.Template.Id}", ChecklistTemplateDto.From(view.Template, view.Revision));
    }

    private static async Task<Results<Ok<ChecklistTemplateDto>, ProblemHttpResult>> EditTemplateAsync(long id, TemplatePatch patch, ChecklistService checklists, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var edited = await checklists.EditTemplateAsync(id, patch, t => Versioning.Expect(http.Request, db.Entry(t)), cancellationToken);
        if (!edited.Succeeded)
        {
            return ApiProblems.From(http, edited.Error!);
        }

        var view = edited.Value!;
        Versioning.SetETag(http.Response, view.Template.Version);
        return TypedResults.Ok(ChecklistTemplateDto.From(view.Template, view.Revision));
    }

    private static async Task<Results<Ok<Page<ChecklistRunDto>>, ProblemHttpResult>> ListRunsAsync([AsParameters] ListRequest request, [AsParameters] RunFilter filter, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await RunQueryAsync(checklists, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Runs.PageAsync(query.Value!, request, r => ChecklistRunDto.From(r), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportRunsAsync([AsParameters] ListRequest request, [AsParameters] RunFilter filter, string? format, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await RunQueryAsync(checklists, filter, request.Q, cancellationToken), Runs, request, RunColumns, "checklist-runs");

    private static async Task<Results<Ok<ChecklistRunDto>, NotFound>> GetRunAsync(long id, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        var run = await (await checklists.VisibleRunsAsync(ChecklistPermissions.Read, cancellationToken)).Include(r => r.Readings).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, run.Version);
        return TypedResults.Ok(ChecklistRunDto.From(run, withReadings: true));
    }

    private static async Task<Results<Created<ChecklistRunDto>, ProblemHttpResult>> StartRunAsync(StartRunInput input, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        if (input.Subject is not { } s)
        {
            return ApiProblems.From(http, Error.Invalid(ChecklistErrors.InvalidSubject, "subject"));
        }

        var started = await checklists.StartRunAsync(input.TemplateCode, new ChecklistSubject(s.Type, s.Id, s.Label, s.DepartmentId), input.Location, cancellationToken);
        if (!started.Succeeded)
        {
            return ApiProblems.From(http, started.Error!);
        }

        var run = started.Value!;
        Versioning.SetETag(http.Response, run.Version);
        return TypedResults.Created($"/api/v1/checklist-runs/{run.Id}", ChecklistRunDto.From(run, withReadings: true));
    }

    private static async Task<Results<Ok<ChecklistRunDto>, ProblemHttpResult>> RecordReadingsAsync(long id, ReadingsInput input, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await checklists.CanReachRunAsync(id, ChecklistPermissions.Run, cancellationToken))
        {
            return ApiProblems.From(http, Error.NotFound(ChecklistErrors.RunNotFound));
        }

        var recorded = await checklists.RecordReadingsAsync(id, input.Readings, cancellationToken);
        if (!recorded.Succeeded)
        {
            return ApiProblems.From(http, recorded.Error!);
        }

        Versioning.SetETag(http.Response, recorded.Value!.Version);
        return TypedResults.Ok(ChecklistRunDto.From(recorded.Value, withReadings: true));
    }

    private static async Task<Results<Ok<CompletionDto>, ProblemHttpResult>> CompleteAsync(long id, ChecklistService checklists, HttpContext http, CancellationToken cancellationToken)
    {
        if (!await checklists.CanReachRunAsync(id, ChecklistPermissions.Run, cancellationToken))
        {
            return ApiProblems.From(http, Error.NotFound(ChecklistErrors.RunNotFound));
        }

        var completed = await checklists.CompleteAsync(id, cancellationToken);
        if (!completed.Succeeded)
        {
            return ApiProblems.From(http, completed.Error!);
        }

        var completion = completed.Value!;
        Versioning.SetETag(http.Response, completion.Run.Version);
        return TypedResults.Ok(new CompletionDto(ChecklistRunDto.From(completion.Run, withReadings: true), [.. completion.Findings.Select(f => FindingDtos.From(f, completion.Run))]));
    }
}

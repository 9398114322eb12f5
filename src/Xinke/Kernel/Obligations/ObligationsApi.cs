using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Obligations;

/// <summary>The query string of the calendar: <c>?from=&amp;to=&amp;status=&amp;owner=&amp;requirement=</c> plus paging.</summary>
public sealed record PeriodQuery(DateTimeOffset? From, DateTimeOffset? To, string? Status, string? Owner, string? Requirement, string? Sort, int? Limit, string? Cursor)
{
    public Result<PeriodFilter> ToFilter()
    {
        PeriodStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (!Enum.TryParse<PeriodStatus>(Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid(ObligationErrors.InvalidStatus, "status");
            }

            status = parsed;
        }

        return new PeriodFilter(From?.UtcDateTime, To?.UtcDateTime, status, Owner, Requirement);
    }
}

public static class ObligationsApi
{
    public static readonly ListDefinition<Obligation> List = new ListDefinition<Obligation>("obligations", o => o.Id, "title")
        .SortBy("id", o => o.Id)
        .SortBy("title", o => o.Title);

    public static readonly ListDefinition<ObligationPeriod> PeriodList = new ListDefinition<ObligationPeriod>("obligation-periods", p => p.Id, "start")
        .SortBy("id", p => p.Id)
        .SortBy("start", p => p.Start)
        .SortBy("end", p => p.End);

    public static readonly ExportColumn<Obligation>[] Columns =
    [
        new("obligation.title", o => o.Title),
        new("obligation.requirements", o => string.Join(' ', o.Requirements)),
        new("obligation.schedule", o => o.Schedule),
        new("obligation.owner", o => o.OwnerRef),
        new("obligation.grace_hours", o => o.GraceHours),
        new("obligation.evidence", o => o.EvidenceKind),
        new("obligationpage.active", o => o.Active ? "✓" : string.Empty),
    ];

    public static readonly ExportColumn<PeriodDto>[] PeriodColumns =
    [
        new("obligation.title", p => p.Title),
        new("obligation.requirements", p => string.Join(' ', p.RequirementIds)),
        new("obligation.owner", p => Obligation.OwnerRefOf(p.OwnerKind, p.Owner)),
        new("obligation.period_start", p => p.Start),
        new("obligation.period_end", p => p.End),
        new("obligation.grace_until", p => p.GraceUntil),
        new("obligation.status", p => p.Status.ToString().ToLowerInvariant()),
        new("obligation.closed_at", p => p.ClosedAt),
    ];

    public static WebApplication MapObligationsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var obligations = app.MapGroup("/api/v1/obligations").WithTags("Obligations");
        obligations.MapGet("/", ListAsync).RequirePermission(ObligationPermissions.Read).WithName("ListObligations").WithSummary("Obligations, filterable by owner (role:x, person:id, department:id) and requirement.");
        obligations.MapGet("/export", Export).RequirePermission(ObligationPermissions.Read).WithName("ExportObligations").WithSummary("The obligations the same filters select, as xlsx or CSV.");
        obligations.MapPost("/", CreateAsync).RequirePermission(ObligationPermissions.Write).WithName("CreateObligation").WithSummary("Define an obligation.");
        obligations.MapGet("/{id:long}", GetAsync).RequirePermission(ObligationPermissions.Read).WithName("GetObligation").WithSummary("One obligation.");
        obligations.MapPatch("/{id:long}", PatchAsync).RequirePermission(ObligationPermissions.Write).WithName("EditObligation").WithSummary("Edit an obligation (If-Match); a code-declared one only in owner, grace and active.");
        obligations.MapGet("/periods", PeriodsAsync).RequirePermission(ObligationPermissions.Read).WithName("ListObligationPeriods").WithSummary("The calendar: periods with their status now.");
        obligations.MapGet("/periods/export", ExportPeriods).RequirePermission(ObligationPermissions.Read).WithName("ExportObligationPeriods").WithSummary("The calendar's periods as xlsx or CSV.");
        obligations.MapPost("/periods/{id:long}/review", ReviewAsync).RequirePermission(ObligationPermissions.Review).WithName("ReviewObligationPeriod").WithSummary("Review a period closed by a person's own record (not by that person).");
        return app;
    }

    private static async Task<Results<Ok<Page<ObligationDto>>, ProblemHttpResult>> ListAsync(string? owner, string? requirement, [AsParameters] ListRequest request, ObligationQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var query = queries.Obligations(owner, requirement);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, ObligationDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult Export(string? owner, string? requirement, string? format, string? sort, ObligationQueries queries, HttpContext http) =>
        ListExports.Of(http, format, queries.Obligations(owner, requirement), List, new ListRequest(null, sort), Columns, "obligations");

    private static async Task<Results<Ok<ObligationDto>, NotFound>> GetAsync(long id, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var obligation = await db.Set<Obligation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, obligation.Version);
        return TypedResults.Ok(ObligationDto.From(obligation));
    }

    private static async Task<Results<Created<ObligationDto>, ProblemHttpResult>> CreateAsync(ObligationInput input, ObligationService service, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var obligation = created.Value!;
        Versioning.SetETag(http.Response, obligation.Version);
        return TypedResults.Created($"/api/v1/obligations/{obligation.Id}", ObligationDto.From(obligation));
    }

    private static async Task<Results<Ok<ObligationDto>, NotFound, ProblemHttpResult>> PatchAsync(long id, ObligationInput input, XinkeDb db, ObligationService service, HttpContext http, CancellationToken cancellationToken)
    {
        var obligation = await db.Set<Obligation>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (obligation is null)
        {
            return TypedResults.NotFound();
        }

        if (Versioning.Expect(http.Request, db.Entry(obligation)) is { } precondition)
        {
            return ApiProblems.From(http, precondition);
        }

        if (await service.EditAsync(obligation, input, cancellationToken) is { } refused)
        {
            return ApiProblems.From(http, refused);
        }

        Versioning.SetETag(http.Response, obligation.Version);
        return TypedResults.Ok(ObligationDto.From(obligation));
    }

    private static async Task<Results<Ok<Page<PeriodDto>>, ProblemHttpResult>> PeriodsAsync([AsParameters] PeriodQuery request, ObligationQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var filter = request.ToFilter();
        var query = filter.Succeeded ? queries.Periods(filter.Value!) : filter.Error!;
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await PeriodList.PageAsync(query.Value!, new ListRequest(null, request.Sort, request.Limit, request.Cursor), p => p, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        return TypedResults.Ok(new Page<PeriodDto>(await queries.ToDtosAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor));
    }

    private static IResult ExportPeriods([AsParameters] PeriodQuery request, string? format, ObligationQueries queries, XinkeDb db, TimeProvider clock, HttpContext http)
    {
        var parsed = ExportFormats.Parse(format);
        var filter = request.ToFilter();
        var query = !parsed.Succeeded ? parsed.Error! : filter.Succeeded ? queries.Periods(filter.Value!) : filter.Error!;
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var ordered = PeriodList.Ordered(query.Value!, new ListRequest(null, request.Sort));
        return ordered.Succeeded
            ? new ExportResult<PeriodDto>(WithObligationsAsync(ordered.Value!, db, clock, http.RequestAborted), PeriodColumns, parsed.Value, "obligation-periods")
            : ApiProblems.From(http, ordered.Error!);
    }

    /// <summary>
    /// Streams the periods joined to their obligations. The obligations (few) are read first:
    /// one connection cannot run a second query while the periods' reader is open.
    /// </summary>
    private static async IAsyncEnumerable<PeriodDto> WithObligationsAsync(IQueryable<ObligationPeriod> periods, XinkeDb db, TimeProvider clock, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var obligations = await db.Set<Obligation>().AsNoTracking().ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var period in periods.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return PeriodDto.From(period, obligations[period.ObligationId], now);
        }
    }

    private static async Task<Results<Ok<PeriodDto>, ProblemHttpResult>> ReviewAsync(long id, CurrentCaller current, ObligationService service, ObligationQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var reviewed = await service.ReviewAsync(id, caller, cancellationToken);
        if (!reviewed.Succeeded)
        {
            return ApiProblems.From(http, reviewed.Error!);
        }

        return TypedResults.Ok((await queries.ToDtosAsync([reviewed.Value!], cancellationToken))[0]);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Assets.Stocktakes;

/// <summary>Stocktakes: <c>/api/v1/stocktakes</c>, all behind <c>assets.stocktake</c> (the IT department counts devices).</summary>
public static class StocktakesApi
{
    public static readonly ListDefinition<Stocktake> List = new ListDefinition<Stocktake>("stocktakes", s => s.Id, "-id")
        .SortBy("id", s => s.Id)
        .SortBy("startedAt", s => s.StartedAt);

    /// <summary>The report's lines as exported: one row per asset, expected or not, found or not.</summary>
    public static readonly ListDefinition<StocktakeLine> Lines = new ListDefinition<StocktakeLine>("stocktake-lines", l => l.Id, "id")
        .SortBy("id", l => l.Id)
        .SortBy("tag", l => l.Tag);

    public static readonly ExportColumn<Stocktake>[] Columns =
    [
        new("stocktake.code", s => s.Code),
        new("stocktake.location", s => s.LocationText),
        new("stocktake.started_at", s => s.StartedAt),
        new("stocktake.finished_at", s => s.FinishedAt),
        new("stocktake.expected", s => s.ExpectedCount),
        new("stocktake.found", s => s.FoundCount),
        new("stocktake.missing", s => s.MissingCount),
        new("stocktake.unexpected", s => s.UnexpectedCount),
    ];

    public static readonly ExportColumn<StocktakeLine>[] LineColumns =
    [
        new("stocktake.line.tag", l => l.Tag),
        new("stocktake.line.asset_id", l => l.AssetId),
        new("stocktake.line.outcome", l => Outcome(l)),
        new("stocktake.line.scanned_at", l => l.ScannedAt),
    ];

    public static WebApplication MapStocktakesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/stocktakes").WithTags("Stocktakes");
        group.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("ListStocktakes").WithSummary("Stocktakes, newest first; open=true for those under way.");
        group.MapGet("/export", Export).RequirePermission(AssetsPermissions.Stocktake).WithName("ExportStocktakes").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapPost("/", StartAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("StartStocktake").WithSummary("Start a stocktake of a location prefix; the assets expected there are snapshotted.");
        group.MapGet("/{id:long}", ReportAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("GetStocktake").WithSummary("The stocktake's report: expected, found, missing and unexpected assets.");
        group.MapGet("/{id:long}/export", ExportReportAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("ExportStocktakeReport").WithSummary("The report's lines as xlsx or csv.");
        group.MapPost("/{id:long}/scan", ScanAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("ScanStocktakeAsset").WithSummary("Mark the asset with this tag found (unexpected when the register puts it elsewhere); 409 once finished.");
        group.MapPost("/{id:long}/finish", FinishAsync).RequirePermission(AssetsPermissions.Stocktake).WithName("FinishStocktake").WithSummary("Finish the stocktake and keep its report; 409 when already finished.");
        return app;
    }

    /// <summary><c>found</c>, <c>missing</c> or <c>unexpected</c>: what the line says in the report.</summary>
    public static string Outcome(StocktakeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return !line.Expected ? "unexpected" : line.Found ? "found" : "missing";
    }

    private static Result<IQueryable<Stocktake>> Query(StocktakeService stocktakes, bool? open, string? q)
    {
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = stocktakes.All();
        if (open is { } isOpen)
        {
            query = isOpen ? query.Where(s => s.FinishedAt == null) : query.Where(s => s.FinishedAt != null);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(s => s.Code.Contains(text) || (s.Campus != null && s.Campus.Contains(text)) || (s.Building != null && s.Building.Contains(text))
                || (s.Floor != null && s.Floor.Contains(text)) || (s.Room != null && s.Room.Contains(text)));
        }

        return Result<IQueryable<Stocktake>>.Success(query);
    }

    private static async Task<Results<Ok<Page<StocktakeDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, bool? open, StocktakeService stocktakes, HttpContext http, CancellationToken cancellationToken)
    {
        var query = Query(stocktakes, open, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, StocktakeDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult Export([AsParameters] ListRequest request, bool? open, string? format, StocktakeService stocktakes, HttpContext http) =>
        ListExports.Of(http, format, Query(stocktakes, open, request.Q), List, request, Columns, "stocktakes");

    private static async Task<Results<Created<StocktakeReport>, ProblemHttpResult>> StartAsync(StocktakeInput input, StocktakeService stocktakes, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await stocktakes.StartAsync(input, cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Created($"/api/v1/stocktakes/{done.Value.Id}", StocktakeReport.Of(done.Value));
    }

    private static async Task<Results<Ok<StocktakeReport>, NotFound>> ReportAsync(long id, StocktakeService stocktakes, HttpContext http, CancellationToken cancellationToken)
    {
        var stocktake = await stocktakes.FindAsync(id, cancellationToken);
        if (stocktake is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, stocktake.Version);
        return TypedResults.Ok(StocktakeReport.Of(stocktake));
    }

    private static async Task<IResult> ExportReportAsync(long id, [AsParameters] ListRequest request, string? format, StocktakeService stocktakes, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var stocktake = await stocktakes.FindAsync(id, cancellationToken);
        if (stocktake is null)
        {
            return TypedResults.NotFound();
        }

        var lines = db.Set<StocktakeLine>().Where(l => l.StocktakeId == id);
        return ListExports.Of(http, format, Result<IQueryable<StocktakeLine>>.Success(lines), Lines, request, LineColumns, stocktake.Code);
    }

    private static async Task<Results<Ok<StocktakeLineDto>, ProblemHttpResult>> ScanAsync(long id, ScanInput input, StocktakeService stocktakes, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await stocktakes.ScanAsync(id, input, cancellationToken);
        return done.Succeeded ? TypedResults.Ok(StocktakeLineDto.From(done.Value!)) : ApiProblems.From(http, done.Error!);
    }

    private static async Task<Results<Ok<StocktakeReport>, ProblemHttpResult>> FinishAsync(long id, StocktakeService stocktakes, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await stocktakes.FinishAsync(id, s => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(s)), cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Ok(StocktakeReport.Of(done.Value));
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Assets.Repairs;

/// <summary>Repairs (EQ-05): <c>/api/v1/repairs</c>; only holders of <c>assets.repair</c> record or change one.</summary>
public static class RepairsApi
{
    public static readonly ListDefinition<AssetRepair> List = new ListDefinition<AssetRepair>("repairs", r => r.Id, "-id")
        .SortBy("id", r => r.Id)
        .SortBy("startedAt", r => r.StartedAt);

    public static readonly ExportColumn<AssetRepair>[] Columns =
    [
        new("repair.id", r => r.Id),
        new("repair.asset_id", r => r.AssetId),
        new("repair.fault", r => r.Fault),
        new("repair.kind", r => r.Kind.ToString()),
        new("repair.vendor_name", r => r.VendorName),
        new("repair.vendor_engineer", r => r.VendorEngineer),
        new("repair.parts", r => string.Join("; ", r.Parts)),
        new("repair.cost", r => r.Cost),
        new("repair.started_at", r => r.StartedAt),
        new("repair.finished_at", r => r.FinishedAt),
    ];

    public static WebApplication MapRepairsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/repairs").WithTags("Repairs");
        group.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.Read).WithName("ListRepairs").WithSummary("Repairs of the devices the caller reaches; open=true for those under way, assetId for one device.");
        group.MapGet("/export", ExportAsync).RequirePermission(AssetsPermissions.Read).WithName("ExportRepairs").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(AssetsPermissions.Read).WithName("GetRepair").WithSummary("One repair.");
        group.MapPost("/", RecordAsync).RequirePermission(AssetsPermissions.Repair).WithName("RecordRepair").WithSummary("Record a repair (EQ-05: qualified technicians only); the asset goes UnderRepair.");
        group.MapPatch("/{id:long}", EditAsync).RequirePermission(AssetsPermissions.Repair).WithName("EditRepair").WithSummary("Change an open repair (If-Match).");
        group.MapPost("/{id:long}/finish", FinishAsync).RequirePermission(AssetsPermissions.Repair).WithName("FinishRepair").WithSummary("Finish a repair; the asset returns to its previous status.");
        return app;
    }

    private static async Task<Result<IQueryable<AssetRepair>>> QueryAsync(RepairService repairs, bool? open, long? assetId, string? q, CancellationToken cancellationToken)
    {
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await repairs.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        if (open is { } isOpen)
        {
            query = isOpen ? query.Where(r => r.FinishedAt == null) : query.Where(r => r.FinishedAt != null);
        }

        if (assetId is { } asset)
        {
            query = query.Where(r => r.AssetId == asset);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(r => r.Fault.Contains(text) || (r.VendorName != null && r.VendorName.Contains(text)));
        }

        return Result<IQueryable<AssetRepair>>.Success(query);
    }

    private static async Task<Results<Ok<Page<RepairDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, bool? open, long? assetId, RepairService repairs, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(repairs, open, assetId, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, RepairDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, bool? open, long? assetId, string? format, RepairService repairs, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAsync(repairs, open, assetId, request.Q, cancellationToken), List, request, Columns, "repairs");

    private static async Task<Results<Ok<RepairDto>, NotFound>> GetAsync(long id, RepairService repairs, HttpContext http, CancellationToken cancellationToken)
    {
        var repair = await (await repairs.VisibleAsync(AssetsPermissions.Read, cancellationToken)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (repair is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, repair.Version);
        return TypedResults.Ok(RepairDto.From(repair));
    }

    private static async Task<Results<Created<RepairDto>, ProblemHttpResult>> RecordAsync(RepairInput input, RepairService repairs, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await repairs.RecordAsync(input, null, cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Created($"/api/v1/repairs/{done.Value.Id}", RepairDto.From(done.Value));
    }

    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> EditAsync(long id, RepairInput input, RepairService repairs, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        Respond(http, await repairs.EditAsync(id, input, r => Versioning.Expect(http.Request, db.Entry(r)), cancellationToken));

    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> FinishAsync(long id, RepairFinishInput input, RepairService repairs, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        Respond(http, await repairs.FinishAsync(id, input, r => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(r)), cancellationToken));

    private static Results<Ok<RepairDto>, ProblemHttpResult> Respond(HttpContext http, Result<AssetRepair> done)
    {
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Ok(RepairDto.From(done.Value));
    }
}

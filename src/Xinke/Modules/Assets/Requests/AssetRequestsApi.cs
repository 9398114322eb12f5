using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Requests;

/// <summary>Device requests (EQ-02): <c>/api/v1/asset-requests</c> — file, approve through the workflow, fulfil, close.</summary>
public static class AssetRequestsApi
{
    public static readonly ListDefinition<AssetRequest> List = new ListDefinition<AssetRequest>("asset-requests", r => r.Id, "-id")
        .SortBy("id", r => r.Id)
        .SortBy("neededFrom", r => r.NeededFrom)
        .SortBy("filedAt", r => r.FiledAt);

    public static WebApplication MapAssetRequestsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/asset-requests").WithTags("Assets");
        group.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.ReadRequests).WithName("ListAssetRequests")
            .WithSummary("Device requests the caller may see (own; their departments' for heads and liaisons; all for IT), filtered by status, type or view (mine, department, queue).");
        group.MapGet("/export", ExportAsync).RequirePermission(AssetsPermissions.ReadRequests).WithName("ExportAssetRequests").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(AssetsPermissions.ReadRequests).WithName("GetAssetRequest").WithSummary("One device request with the assets handed out on it.");
        group.MapPost("/", FileAsync).RequirePermission(AssetsPermissions.FileRequests).WithName("FileAssetRequest")
            .WithSummary("File a device request (type, quantity 1–50, purpose, needed from/until) for the caller's department, or for a person (IT); it goes to the department head (EQ-02).");
        group.MapPost("/{id:long}/cancel", (long id, AssetRequests requests, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(requests.CancelAsync(id, IfMatched(http, db), ct), http))
            .RequirePermission(AssetsPermissions.FileRequests).WithName("CancelAssetRequest").WithSummary("Whoever filed the request takes it back before the decision.");
        group.MapPost("/{id:long}/fulfil", (long id, AssetRequestFulfilment input, AssetRequests requests, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(requests.FulfilAsync(id, input.AssetIds, input.Condition, IfMatched(http, db), ct), http))
            .RequirePermission(AssetsPermissions.FulfilRequests).WithName("FulfilAssetRequest")
            .WithSummary("IT hands out in-stock assets of the requested type on an approved request, no more than remain (EQ-02); a temporary need lends them until its last day (EQ-03).");
        group.MapPost("/{id:long}/close", (long id, AssetRequestClosing input, AssetRequests requests, XinkeDb db, HttpContext http, CancellationToken ct) => RespondAsync(requests.CloseAsync(id, input.Reason, IfMatched(http, db), ct), http))
            .RequirePermission(AssetsPermissions.FulfilRequests).WithName("CloseAssetRequest").WithSummary("IT closes an approved request short of its quantity, saying why.");
        return app;
    }

    public static ExportColumn<AssetRequest>[] Columns(IReadOnlyDictionary<long, string> types, IReadOnlyDictionary<long, string> departments) =>
    [
        new("asset_request.code", r => r.Code),
        new("asset_request.type", r => types.GetValueOrDefault(r.TypeId)),
        new("asset_request.quantity", r => r.Quantity),
        new("asset_request.fulfilled", r => r.FulfilledCount),
        new("asset_request.purpose", r => r.Purpose),
        new("asset_request.needed_from", r => r.NeededFrom),
        new("asset_request.needed_until", r => r.NeededUntil),
        new("asset_request.department", r => departments.GetValueOrDefault(r.DepartmentId)),
        new("asset_request.status", r => r.Status.ToString()),
        new("asset_request.filed_at", r => r.FiledAt),
    ];

    private static async Task<Results<Ok<Page<AssetRequestDto>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, [AsParameters] AssetRequestFilter filter, AssetRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await requests.QueryAsync(filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, AssetRequestDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync(
        [AsParameters] ListRequest request, [AsParameters] AssetRequestFilter filter, string? format, AssetRequests requests, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var types = (await register.TypesAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Code);
        var departments = await register.DepartmentNamesAsync(cancellationToken);
        return ListExports.Of(http, format, await requests.QueryAsync(filter, request.Q, cancellationToken), List, request, Columns(types, departments), "asset-requests");
    }

    private static async Task<Results<Ok<AssetRequestDto>, NotFound>> GetAsync(long id, AssetRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(id, cancellationToken);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, request.Version);
        return TypedResults.Ok(AssetRequestDto.From(request));
    }

    private static async Task<Results<Created<AssetRequestDto>, ProblemHttpResult>> FileAsync(AssetRequestInput input, AssetRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var filed = await requests.FileAsync(input, cancellationToken);
        if (!filed.Succeeded)
        {
            return ApiProblems.From(http, filed.Error!);
        }

        var request = filed.Value!;
        Versioning.SetETag(http.Response, request.Version);
        return TypedResults.Created(AssetRequests.ApiLink(request.Id), AssetRequestDto.From(request));
    }

    /// <summary>Verbs take If-Match when the client sends one (a stale one is refused) and go ahead without it.</summary>
    private static AssetRequestPrecondition IfMatched(HttpContext http, XinkeDb db) =>
        r => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(r));

    private static async Task<Results<Ok<AssetRequestDto>, ProblemHttpResult>> RespondAsync(Task<Result<AssetRequest>> change, HttpContext http)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(AssetRequestDto.From(changed.Value));
    }
}

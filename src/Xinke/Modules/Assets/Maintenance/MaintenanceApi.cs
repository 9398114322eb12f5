using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>Maintenance plans and records (EQ-04): <c>/api/v1/maintenance-plans</c>; <c>assets.maintain</c> writes, <c>assets.read</c> reads.</summary>
public static class MaintenanceApi
{
    public static readonly ListDefinition<MaintenancePlan> Plans = new ListDefinition<MaintenancePlan>("maintenance-plans", p => p.Id, "id")
        .SortBy("id", p => p.Id)
        .SortBy("title", p => p.Title);

    public static readonly ListDefinition<MaintenanceRecord> Records = new ListDefinition<MaintenanceRecord>("maintenance-records", r => r.Id, "-id")
        .SortBy("id", r => r.Id)
        .SortBy("performedAt", r => r.PerformedAt);

    public static readonly ExportColumn<MaintenancePlan>[] PlanColumns =
    [
        new("maintenance.plan.id", p => p.Id),
        new("maintenance.plan.title", p => p.Title),
        new("maintenance.plan.asset_type_id", p => p.AssetTypeId),
        new("maintenance.plan.asset_id", p => p.AssetId),
        new("maintenance.plan.obligation_id", p => p.ObligationId),
        new("maintenance.plan.created_at", p => p.CreatedAt),
    ];

    public static readonly ExportColumn<MaintenanceRecord>[] RecordColumns =
    [
        new("maintenance.record.code", r => r.Code),
        new("maintenance.record.plan_id", r => r.PlanId),
        new("maintenance.record.checklist_run_id", r => r.ChecklistRunId),
        new("maintenance.record.result", r => MaintenanceRecordDto.Wire(r.Result)),
        new("maintenance.record.notes", r => r.Notes),
        new("maintenance.record.performed_at", r => r.PerformedAt),
        new("maintenance.record.asset_ids", r => string.Join("; ", r.Assets.Select(a => a.AssetId).Order())),
    ];

    public static WebApplication MapMaintenanceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/maintenance-plans").WithTags("Maintenance");
        group.MapGet("/", ListPlansAsync).RequirePermission(AssetsPermissions.Read).WithName("ListMaintenancePlans").WithSummary("Maintenance plans (EQ-04); assetTypeId or assetId for those covering one type or asset.");
        group.MapGet("/export", ExportPlansAsync).RequirePermission(AssetsPermissions.Read).WithName("ExportMaintenancePlans").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetPlanAsync).RequirePermission(AssetsPermissions.Read).WithName("GetMaintenancePlan").WithSummary("One plan with its obligation's schedule, owner and grace.");
        group.MapPost("/", CreatePlanAsync).RequirePermission(AssetsPermissions.Maintain).WithName("CreateMaintenancePlan").WithSummary("Create a plan for a type or an asset; it is an obligation (EQ-04) in the calendar.");
        group.MapPatch("/{id:long}", EditPlanAsync).RequirePermission(AssetsPermissions.Maintain).WithName("EditMaintenancePlan").WithSummary("Change a plan (If-Match): title, checklist, schedule, owner, grace, active.");
        group.MapPost("/{id:long}/records", RecordAsync).RequirePermission(AssetsPermissions.Maintain).WithName("RecordMaintenance").WithSummary("Record a maintenance: a checklist run covering the assets, reported to the plan's obligation (EQ-04).");
        group.MapGet("/records", ListRecordsAsync).RequirePermission(AssetsPermissions.Read).WithName("ListMaintenanceRecords").WithSummary("Maintenance records of the devices the caller reaches; planId, assetId and result filter.");
        group.MapGet("/records/export", ExportRecordsAsync).RequirePermission(AssetsPermissions.Read).WithName("ExportMaintenanceRecords").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/records/{recordId:long}", GetRecordAsync).RequirePermission(AssetsPermissions.Read).WithName("GetMaintenanceRecord").WithSummary("One maintenance record.");
        return app;
    }

    private static async Task<Result<IQueryable<MaintenancePlan>>> PlanQueryAsync(MaintenanceService maintenance, long? assetTypeId, long? assetId, string? q, CancellationToken cancellationToken)
    {
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await maintenance.VisiblePlansAsync(cancellationToken);
        if (assetTypeId is { } type)
        {
            query = query.Where(p => p.AssetTypeId == type);
        }

        if (assetId is { } asset)
        {
            query = query.Where(p => p.AssetId == asset);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(p => p.Title.Contains(text));
        }

        return Result<IQueryable<MaintenancePlan>>.Success(query);
    }

    private static async Task<Result<IQueryable<MaintenanceRecord>>> RecordQueryAsync(MaintenanceService maintenance, long? planId, long? assetId, string? result, string? q, CancellationToken cancellationToken)
    {
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await maintenance.VisibleRecordsAsync(cancellationToken);
        if (planId is { } plan)
        {
            query = query.Where(r => r.PlanId == plan);
        }

        if (assetId is { } asset)
        {
            query = query.Where(r => r.Assets.Any(a => a.AssetId == asset));
        }

        if (!string.IsNullOrWhiteSpace(result))
        {
            if (MaintenanceRecordDto.ParseResult(result) is not { } wanted)
            {
                return Error.Invalid(MaintenanceErrors.InvalidResult, "result");
            }

            query = query.Where(r => r.Result == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(r => r.Code.Contains(text) || (r.Notes != null && r.Notes.Contains(text)));
        }

        return Result<IQueryable<MaintenanceRecord>>.Success(query);
    }

    private static async Task<Results<Ok<Page<MaintenancePlanDto>>, ProblemHttpResult>> ListPlansAsync([AsParameters] ListRequest request, long? assetTypeId, long? assetId, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await PlanQueryAsync(maintenance, assetTypeId, assetId, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Plans.PageAsync(query.Value!, request, p => p, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        return TypedResults.Ok(new Page<MaintenancePlanDto>(await maintenance.DtosAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor));
    }

    private static async Task<IResult> ExportPlansAsync([AsParameters] ListRequest request, long? assetTypeId, long? assetId, string? format, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await PlanQueryAsync(maintenance, assetTypeId, assetId, request.Q, cancellationToken), Plans, request, PlanColumns, "maintenance-plans");

    private static async Task<Results<Ok<MaintenancePlanDto>, NotFound>> GetPlanAsync(long id, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken)
    {
        var plan = await (await maintenance.VisiblePlansAsync(cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, plan.Version);
        return TypedResults.Ok((await maintenance.DtosAsync([plan], cancellationToken))[0]);
    }

    private static async Task<Results<Created<MaintenancePlanDto>, ProblemHttpResult>> CreatePlanAsync(MaintenancePlanInput input, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await maintenance.CreatePlanAsync(input, cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Created($"/api/v1/maintenance-plans/{done.Value.Id}", (await maintenance.DtosAsync([done.Value], cancellationToken))[0]);
    }

    private static async Task<Results<Ok<MaintenancePlanDto>, ProblemHttpResult>> EditPlanAsync(long id, MaintenancePlanInput input, MaintenanceService maintenance, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await maintenance.EditPlanAsync(id, input, p => Versioning.Expect(http.Request, db.Entry(p)), cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        Versioning.SetETag(http.Response, done.Value!.Version);
        return TypedResults.Ok((await maintenance.DtosAsync([done.Value], cancellationToken))[0]);
    }

    private static async Task<Results<Created<MaintenanceRecordDto>, ProblemHttpResult>> RecordAsync(long id, MaintenanceRecordInput input, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await maintenance.RecordAsync(id, input, cancellationToken);
        if (!done.Succeeded)
        {
            return ApiProblems.From(http, done.Error!);
        }

        return TypedResults.Created($"/api/v1/maintenance-plans/records/{done.Value!.Id}", MaintenanceRecordDto.From(done.Value));
    }

    private static async Task<Results<Ok<Page<MaintenanceRecordDto>>, ProblemHttpResult>> ListRecordsAsync([AsParameters] ListRequest request, long? planId, long? assetId, string? result, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await RecordQueryAsync(maintenance, planId, assetId, result, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Records.PageAsync(query.Value!, request, MaintenanceRecordDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportRecordsAsync([AsParameters] ListRequest request, long? planId, long? assetId, string? result, string? format, MaintenanceService maintenance, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await RecordQueryAsync(maintenance, planId, assetId, result, request.Q, cancellationToken), Records, request, RecordColumns, "maintenance-records");

    private static async Task<Results<Ok<MaintenanceRecordDto>, NotFound>> GetRecordAsync(long recordId, MaintenanceService maintenance, CancellationToken cancellationToken)
    {
        var record = await (await maintenance.VisibleRecordsAsync(cancellationToken)).SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(MaintenanceRecordDto.From(record));
    }
}

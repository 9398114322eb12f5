using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;
using Xinke.Modules.Assets.History;

namespace Xinke.Modules.Assets.Register;

/// <summary>The device register (设备台账): <c>/api/v1/assets</c>.</summary>
public static class AssetsApi
{
    public static readonly ListDefinition<Asset> List = new ListDefinition<Asset>("assets", a => a.Id, "tag")
        .SortBy("tag", a => a.Tag)
        .SortBy("status", a => a.Status)
        .SortBy("purchaseDate", a => a.PurchaseDate ?? DateOnly.MinValue)
        .SortBy("warrantyEnd", a => a.WarrantyEnd ?? DateOnly.MinValue);

    public static WebApplication MapAssetsRegisterApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/assets").WithTags("Assets");
        group.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.Read).WithName("ListAssets").WithSummary("The register, filtered by type, status, department, key device or place, within the caller's department scope.");
        group.MapGet("/export", ExportAsync).RequirePermission(AssetsPermissions.Read).WithName("ExportAssets").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(AssetsPermissions.Read).WithName("GetAsset").WithSummary("One asset of the register, within the caller's department scope.");
        group.MapPost("/", CreateAsync).RequirePermission(AssetsPermissions.Write).WithName("CreateAsset").WithSummary("Register an asset; the tag is issued unless one is given.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(AssetsPermissions.Write).WithName("EditAsset").WithSummary("Change an asset's fields (JSON merge patch, If-Match); moves and network changes go on the timeline.");
        group.MapPost("/{id:long}/move", MoveAsync).RequirePermission(AssetsPermissions.Write).WithName("MoveAsset").WithSummary("Move an asset (EQ-01: recorded on its timeline).");
        group.MapPost("/{id:long}/assign", AssignAsync).RequirePermission(AssetsPermissions.Write).WithName("AssignAsset").WithSummary("Give an asset a responsible person and owning department (ORG-05).");
        group.MapPost("/{id:long}/notes", AddNoteAsync).RequirePermission(AssetsPermissions.Write).WithName("AddAssetNote").WithSummary("Write a journal note on an asset's timeline.");
        group.MapGet("/{id:long}/timeline", TimelineAsync).RequirePermission(AssetsPermissions.Read).WithName("AssetTimeline").WithSummary("An asset's timeline, newest first.");
        return app;
    }

    /// <summary>Export columns; types and departments are shown by name.</summary>
    public static ExportColumn<Asset>[] Columns(IReadOnlyDictionary<long, string> types, IReadOnlyDictionary<long, string> departments) =>
    [
        new("asset.tag", a => a.Tag),
        new("asset.type", a => types.GetValueOrDefault(a.TypeId)),
        new("asset.make", a => a.Make),
        new("asset.model", a => a.Model),
        new("asset.serial", a => a.Serial),
        new("asset.supplier", a => a.Supplier),
        new("asset.purchase_date", a => a.PurchaseDate),
        new("asset.purchase_price", a => a.PurchasePrice),
        new("asset.warranty_end", a => a.WarrantyEnd),
        new("asset.contract_reference", a => a.ContractReference),
        new("asset.location", a => a.Location.Text),
        new("asset.owning_department", a => departments.GetValueOrDefault(a.OwningDepartmentId)),
        new("asset.responsible_person_id", a => a.ResponsiblePersonId),
        new("asset.status", a => a.Status.ToString()),
        new("asset.key_device", a => a.IsKeyDevice),
        new("asset.designated_location", a => a.DesignatedLocation),
        new("asset.holds_data", a => a.HoldsData),
        new("asset.hostname", a => a.Hostname),
        new("asset.mac_address", a => a.MacAddress),
    ];

    /// <summary>The register's query under the filters and the caller's scope; shared by the list, the export and the page.</summary>
    public static async Task<Result<IQueryable<Asset>>> QueryAsync(AssetRegister register, AssetFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await register.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = (await register.TypesAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Code, filter.Type.Trim(), StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                return Error.Invalid(AssetErrors.UnknownType, "type");
            }

            query = query.Where(a => a.TypeId == type.Id);
        }

        if (filter.Status is not null)
        {
            if (!Enum.TryParse<AssetStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(AssetErrors.InvalidStatus, "status");
            }

            query = query.Where(a => a.Status == status);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(a => a.OwningDepartmentId == department);
        }

        if (filter.KeyDevice is { } key)
        {
            query = query.Where(a => a.IsKeyDevice == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.Location))
        {
            var place = filter.Location.Trim();
            query = query.Where(a => (a.Campus != null && a.Campus.Contains(place)) || (a.Building != null && a.Building.Contains(place))
                || (a.Room != null && a.Room.Contains(place)) || (a.Rack != null && a.Rack.Contains(place)));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var upper = text.ToUpperInvariant();
            query = query.Where(a => a.Tag.Contains(upper) || (a.Serial != null && a.Serial.Contains(text)) || (a.Model != null && a.Model.Contains(text))
                || (a.Hostname != null && a.Hostname.Contains(text)) || (a.MacAddress != null && a.MacAddress.Contains(upper)));
        }

        return Result<IQueryable<Asset>>.Success(query);
    }

    private static async Task<Results<Ok<Page<AssetDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] AssetFilter filter, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(register, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var (types, departments) = await register.NamesAsync(cancellationToken);
        var page = await List.PageAsync(query.Value!, request, a => AssetDto.From(a, types, departments), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] AssetFilter filter, string? format, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var types = (await register.TypesAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.NameZh);
        var departments = await register.DepartmentNamesAsync(cancellationToken);
        return ListExports.Of(http, format, await QueryAsync(register, filter, request.Q, cancellationToken), List, request, Columns(types, departments), "assets");
    }

    private static async Task<Results<Ok<AssetDto>, NotFound>> GetAsync(long id, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var asset = await register.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, asset.Version);
        var (types, departments) = await register.NamesAsync(cancellationToken);
        return TypedResults.Ok(AssetDto.From(asset, types, departments));
    }

    private static async Task<Results<Created<AssetDto>, ProblemHttpResult>> CreateAsync(AssetInput input, AssetService service, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var asset = created.Value!;
        Versioning.SetETag(http.Response, asset.Version);
        var (types, departments) = await register.NamesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", AssetDto.From(asset, types, departments));
    }

    private static Task<Results<Ok<AssetDto>, ProblemHttpResult>> PatchAsync(long id, JsonElement patch, AssetService service, AssetRegister register, XinkeDb db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(service.EditAsync(id, current => MergePatch.Apply(current, patch, json.Value.SerializerOptions), a => Versioning.Expect(http.Request, db.Entry(a)), cancellationToken), register, http, cancellationToken);

    private static Task<Results<Ok<AssetDto>, ProblemHttpResult>> MoveAsync(long id, AssetMoveInput input, AssetService service, AssetRegister register, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(service.MoveAsync(id, input.Location, input.Designate ?? false, OptionalIfMatch(http, db), cancellationToken), register, http, cancellationToken);

    private static Task<Results<Ok<AssetDto>, ProblemHttpResult>> AssignAsync(long id, AssetAssignInput input, AssetService service, AssetRegister register, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(service.AssignAsync(id, input.PersonId, input.DepartmentId, OptionalIfMatch(http, db), cancellationToken), register, http, cancellationToken);

    private static async Task<Results<Created<AssetEventDto>, ProblemHttpResult>> AddNoteAsync(long id, AssetNoteInput input, AssetService service, HttpContext http, CancellationToken cancellationToken)
    {
        var added = await service.AddNoteAsync(id, input.Text, cancellationToken);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/assets/{id}/timeline", AssetEventDto.From(added.Value!))
            : ApiProblems.From(http, added.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<AssetEventDto>>, NotFound>> TimelineAsync(long id, AssetRegister register, XinkeDb db, CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var events = await db.Set<AssetEvent>().AsNoTracking().Where(e => e.AssetId == id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AssetEventDto>>([.. events.Select(AssetEventDto.From)]);
    }

    /// <summary>Verbs take If-Match when the client sends one (a stale one is refused) and go ahead without it.</summary>
    private static AssetPrecondition OptionalIfMatch(HttpContext http, XinkeDb db) =>
        a => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(a));

    private static async Task<Results<Ok<AssetDto>, ProblemHttpResult>> RespondAsync(Task<Result<Asset>> change, AssetRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        var (types, departments) = await register.NamesAsync(cancellationToken);
        return TypedResults.Ok(AssetDto.From(changed.Value, types, departments));
    }
}

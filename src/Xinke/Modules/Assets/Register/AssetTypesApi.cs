using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Assets.Register;

/// <summary>The kinds of device: <c>/api/v1/asset-types</c>. The IT director adds the hospital's own.</summary>
public static class AssetTypesApi
{
    public static WebApplication MapAssetTypesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/asset-types").WithTags("Assets");
        group.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.Read).WithName("ListAssetTypes").WithSummary("Every asset type, built-in and the hospital's own.");
        group.MapPost("/", CreateAsync).RequirePermission(AssetsPermissions.ManageTypes).WithName("CreateAssetType").WithSummary("Add an asset type (IT director).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AssetTypeDto>>> ListAsync(AssetRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<AssetTypeDto>>([.. (await register.TypesAsync(cancellationToken)).Select(AssetTypeDto.From)]);

    private static async Task<Results<Created<AssetTypeDto>, ProblemHttpResult>> CreateAsync(AssetTypeInput input, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var created = AssetType.Create(input.Code, input.NameZh, input.NameEn, input.KeyDeviceByDefault ?? false, input.IsWorkstation ?? false);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var type = created.Value!;
        var result = await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await db.Set<AssetType>().AnyAsync(t => t.Code == type.Code, cancellationToken))
            {
                return Error.Conflict(AssetTypeErrors.CodeTaken, null, type.Code);
            }

            db.Add(type);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetType>.Success(type);
        }, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/asset-types/{type.Id}", AssetTypeDto.From(type))
            : ApiProblems.From(http, result.Error!);
    }
}

/// <summary>A new asset type.</summary>
public sealed record AssetTypeInput(string? Code, string? NameZh, string? NameEn, bool? KeyDeviceByDefault, bool? IsWorkstation);

/// <summary>An asset type as the API returns it.</summary>
public sealed record AssetTypeDto(long Id, string Code, string NameZh, string NameEn, bool BuiltIn, bool Active, bool KeyDeviceByDefault, bool IsWorkstation)
{
    public static AssetTypeDto From(AssetType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new(type.Id, type.Code, type.NameZh, type.NameEn, type.BuiltIn, type.Active, type.KeyDeviceByDefault, type.IsWorkstation);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Hosting;

/// <summary>The systems an asset hosts: <c>/api/v1/assets/{id}/systems</c>.</summary>
public static class AssetHostingApi
{
    public static WebApplication MapAssetHostingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/assets").WithTags("Assets");
        group.MapGet("/{id:long}/systems", ListAsync).RequirePermission(AssetsPermissions.Read).WithName("ListAssetSystems")
            .WithSummary("The information systems an asset hosts, with the asset's ETag.");
        group.MapPut("/{id:long}/systems", SetAsync).RequirePermission(AssetsPermissions.Write).WithName("SetAssetSystems")
            .WithSummary("Replace the information systems an asset hosts (If-Match on the asset); the change goes on its timeline.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<HostedSystem>>, NotFound>> ListAsync(long id, AssetRegister register, AssetHosting hosting, HttpContext http, CancellationToken cancellationToken)
    {
        var asset = await register.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, asset.Version);
        return TypedResults.Ok(await hosting.SystemsOfAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<HostedSystem>>, ProblemHttpResult>> SetAsync(
        long id, AssetSystemsInput input, AssetHosting hosting, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await hosting.SetAsync(id, input.SystemIds, a => Versioning.Expect(http.Request, db.Entry(a)), cancellationToken);
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(await hosting.SystemsOfAsync(id, cancellationToken));
    }
}

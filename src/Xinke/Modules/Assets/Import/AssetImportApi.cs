using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Assets.Import;

/// <summary>The inventory import: <c>POST /api/v1/assets/import</c> and its template.</summary>
public static class AssetImportApi
{
    public static WebApplication MapAssetImportApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/assets").WithTags("Assets");
        group.MapPost("/import", ImportAsync).WithMetadata(new UploadAttribute()).DisableAntiforgery().RequirePermission(AssetsPermissions.Import)
            .WithName("ImportAssets").WithSummary("Import an inventory from an xlsx or CSV body: ?mode=strict|lenient&dryRun=true reports every rejected row.");
        group.MapGet("/import/template", Template).RequirePermission(AssetsPermissions.Import).WithName("AssetsImportTemplate").WithSummary("An empty inventory sheet with the expected columns (xlsx or csv).");
        return app;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        string? mode, bool? dryRun, AssetImportProfile profile, Importer importer, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ImportRequests.TryParseMode(mode, out var parsed))
        {
            return ApiProblems.From(http, Error.Invalid(ImportErrors.InvalidMode, "mode"));
        }

        var report = await importer.RunAsync(profile, http.Request.Body, parsed, dryRun ?? false, cancellationToken);
        if (!report.Succeeded)
        {
            await ImportRequests.DrainAsync(http, cancellationToken);
            return ApiProblems.From(http, report.Error!);
        }

        return TypedResults.Ok(report.Value);
    }

    private static IResult Template(string? format, AssetImportProfile profile, HttpContext http) =>
        ImportTemplates.Of(http, format, profile.Columns, "assets-import");
}

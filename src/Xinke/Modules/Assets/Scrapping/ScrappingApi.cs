using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>Appraisals and scrapping under <c>/api/v1/assets/{id}</c> (EQ-06).</summary>
public static class ScrappingApi
{
    public static WebApplication MapScrappingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/assets/{id:long}").WithTags("Assets");
        group.MapGet("/appraisals", AppraisalsAsync).RequirePermission(AssetsPermissions.Read).WithName("ListAssetAppraisals").WithSummary("An asset's appraisals, newest first.");
        group.MapPost("/appraisals", AppraiseAsync).RequirePermission(AssetsPermissions.Appraise).WithName("AppraiseAsset").WithSummary("A qualified technician's appraisal: findings and a recommendation (scrap, repair, keep); photos are attachments of owner type asset-appraisal.");
        group.MapGet("/scrap", ScrappingsAsync).RequirePermission(AssetsPermissions.Read).WithName("ListAssetScrappings").WithSummary("An asset's scrappings, newest first.");
        group.MapPost("/scrap", StartAsync).RequirePermission(AssetsPermissions.Write).WithName("StartAssetScrapping").WithSummary("Start a scrapping on an appraisal recommending it, by someone other than the appraiser; it goes to approval (EQ-06).");
        group.MapPost("/scrap/complete", CompleteAsync).RequirePermission(AssetsPermissions.Write).WithName("CompleteAssetScrapping").WithSummary("Complete an approved scrapping: disposal method and, for a device that held data, the data-destruction record.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AppraisalDto>>, NotFound>> AppraisalsAsync(long id, AssetRegister register, XinkeDb db, CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<AssetAppraisal>().AsNoTracking().Where(a => a.AssetId == id).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AppraisalDto>>([.. rows.Select(AppraisalDto.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<ScrappingDto>>, NotFound>> ScrappingsAsync(long id, AssetRegister register, XinkeDb db, CancellationToken cancellationToken)
    {
        if (await register.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<AssetScrapping>().AsNoTracking().Where(s => s.AssetId == id).OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ScrappingDto>>([.. rows.Select(ScrappingDto.From)]);
    }

    private static async Task<Results<Created<AppraisalDto>, ProblemHttpResult>> AppraiseAsync(long id, AppraisalInput input, ScrappingService service, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await service.AppraiseAsync(id, input, cancellationToken);
        return done.Succeeded
            ? TypedResults.Created($"/api/v1/assets/{id}/appraisals", AppraisalDto.From(done.Value!))
            : ApiProblems.From(http, done.Error!);
    }

    private static async Task<Results<Created<ScrappingDto>, ProblemHttpResult>> StartAsync(long id, ScrapStartInput input, ScrappingService service, HttpContext http, CancellationToken cancellationToken)
    {
        var done = await service.StartAsync(id, input, cancellationToken);
        return done.Succeeded
            ? TypedResults.Created($"/api/v1/assets/{id}/scrap", ScrappingDto.From(done.Value!))
            : ApiProblems.From(http, done.Error!);
    }

    private static async Task<Results<Ok<ScrappingDto>, ProblemHttpResult>> CompleteAsync(long id, ScrapCompletion input, ScrappingService service, HttpContext http, CancellationToken cancellationToken) =>
        Respond(http, await service.CompleteAsync(id, input, cancellationToken));

    private static Results<Ok<ScrappingDto>, ProblemHttpResult> Respond(HttpContext http, Result<AssetScrapping> done) =>
        done.Succeeded ? TypedResults.Ok(ScrappingDto.From(done.Value!)) : ApiProblems.From(http, done.Error!);
}

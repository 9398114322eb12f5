using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Hosting;
using Xinke.Modules.Assets.Import;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets;

/// <summary>Registration of the assets module: the register, its timeline, their pages and menu entry.</summary>
public static class AssetsModule
{
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddScoped<AssetRegister>();
        services.AddScoped<AssetDirectory>();
        services.AddScoped<AssetHistory>();
        services.AddScoped<AssetService>();
        services.AddScoped<AssetDocuments>();
        services.AddScoped<AssetHosting>();
        services.AddAttachmentOwner<AssetDocuments>();
        services.AddEvidenceProvider<AssetsEvidence>();
        services.AddEvidenceRecordSource<AssetsEvidenceRecords>();
        services.AddHomeGapSource<AssetsHomeGaps>();
        services.AddScoped<AssetImportProfile>();
        services.AddScoped<AssetsDemoSeeder>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<AssetsDemoSeeder>());
        services.AddScoped<IBusinessRecords>(provider => provider.GetRequiredService<AssetsDemoSeeder>());
        services.AddAssetFlows();
        services.AddRecordRuleCheck<AssetRuleChecks>();
        return services;
    }

    public static WebApplication MapAssetsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAssetsRegisterApi();
        app.MapAssetTypesApi();
        app.MapAssetImportApi();
        app.MapAssetHostingApi();
        app.MapAssetFlowsApi();
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.assets", "/assets", 160, AssetsPermissions.Read));
        return app;
    }
}

using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Labels;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Modules.Assets;

/// <summary>Registration of upkeep: maintenance plans and records (EQ-04), stocktakes, label sheets.</summary>
public static class AssetUpkeepRegistration
{
    public static IServiceCollection AddAssetUpkeep(this IServiceCollection services)
    {
        services.AddScoped<MaintenanceService>();
        services.AddScoped<StocktakeService>();
        services.AddScoped<AssetLabels>();
        services.AddEvidenceProvider<MaintenanceEvidence>();
        services.AddEvidenceRecordSource<MaintenanceEvidenceRecords>();
        services.AddScoped<MaintenanceDemoSeeder>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<MaintenanceDemoSeeder>());
        return services;
    }

    public static WebApplication MapAssetUpkeepApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMaintenanceApi();
        app.MapStocktakesApi();
        var navigation = app.Services.GetRequiredService<Navigation>();
        navigation.Add(new NavigationItem("nav.maintenance", "/assets/maintenance", 161, AssetsPermissions.Read));
        navigation.Add(new NavigationItem("nav.stocktakes", "/assets/stocktakes", 162, AssetsPermissions.Stocktake));
        navigation.Add(new NavigationItem("nav.labels", "/assets/labels", 163, AssetsPermissions.Read));
        return app;
    }
}

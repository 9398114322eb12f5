using Xinke.Kernel.Web;
using Xinke.Modules.Assets.History;
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
        services.AddAssetFlows();
        return services;
    }

    public static WebApplication MapAssetsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAssetsRegisterApi();
        app.MapAssetTypesApi();
        app.MapAssetFlowsApi();
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.assets", "/assets", 160, AssetsPermissions.Read));
        return app;
    }
}

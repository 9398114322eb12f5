using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Systems;

/// <summary>Registration of the information-system register: its services, evidence, home gap, demo data and menu entry.</summary>
public static class SystemsModule
{
    public static IServiceCollection AddSystems(this IServiceCollection services)
    {
        services.AddOptions<SystemsOptions>().BindConfiguration(SystemsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<InformationSystems>();
        services.AddScoped<SystemRegister>();
        services.AddEvidenceProvider<SystemsEvidence>();
        services.AddEvidenceRecordSource<SystemsEvidenceRecords>();
        services.AddHomeGapSource<SystemsHomeGaps>();
        services.AddScoped<IDemoSeeder, SystemsDemoSeeder>();
        services.AddScoped<IBusinessRecords, SystemsRecords>();
        return services;
    }

    public static WebApplication MapSystemsNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.systems", "/systems", 150, SystemsPermissions.Read));
        return app;
    }
}

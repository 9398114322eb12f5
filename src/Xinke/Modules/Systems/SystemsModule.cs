namespace Xinke.Modules.Systems;

/// <summary>Registration of the information-system register.</summary>
public static class SystemsModule
{
    public static IServiceCollection AddSystems(this IServiceCollection services)
    {
        services.AddScoped<InformationSystems>();
        return services;
    }
}

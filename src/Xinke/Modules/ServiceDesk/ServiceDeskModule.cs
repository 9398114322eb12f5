namespace Xinke.Modules.ServiceDesk;

/// <summary>Registration of the service desk: tickets, SLAs, categories and their pages.</summary>
public static class ServiceDeskModule
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        return services;
    }

    public static WebApplication MapServiceDeskApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}

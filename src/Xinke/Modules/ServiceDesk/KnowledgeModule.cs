using Xinke.Kernel.Web;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// Registration of the service desk's knowledge base, fault register and reports: services,
/// endpoints and menu entries. Kept apart from the tickets' own registration so each stays small.
/// </summary>
public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<KnowledgeMarkdown>();
        services.AddScoped<KnowledgeSearch>();
        services.AddScoped<KnowledgeBase>();
        return services;
    }

    public static WebApplication MapKnowledgeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapKnowledgeBaseApi();
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.kb", "/servicedesk/kb", 505, KnowledgePermissions.Read));
        return app;
    }
}

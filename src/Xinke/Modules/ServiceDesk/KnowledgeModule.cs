using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Web;
using Xinke.Modules.ServiceDesk.FaultRegister;
using Xinke.Modules.ServiceDesk.Knowledge;
using Xinke.Modules.ServiceDesk.Reports;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// Registration of the service desk's knowledge base, fault register and reports: services,
/// evidence, endpoints and menu entries. Kept apart from the tickets' own registration so each stays small.
/// </summary>
public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<KnowledgeMarkdown>();
        services.AddScoped<KnowledgeSearch>();
        services.AddScoped<KnowledgeBase>();
        services.AddDemoSeeder<KnowledgeDemoSeeder>();
        services.AddScoped<FaultRecords>();
        services.AddScoped<ServiceDeskReports>();
        services.AddEvidenceProvider<FaultRegisterEvidence>();
        return services;
    }

    public static WebApplication MapKnowledgeApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapKnowledgeBaseApi();
        app.MapFaultRegisterApi();
        app.MapServiceDeskReportsApi();
        var navigation = app.Services.GetRequiredService<Navigation>();
        navigation.Add(new NavigationItem("nav.kb", "/servicedesk/kb", 505, ServiceDeskPermissions.KbRead));
        navigation.Add(new NavigationItem("nav.faults", "/servicedesk/faults", 506, ServiceDeskPermissions.Reports));
        navigation.Add(new NavigationItem("nav.servicedesk_reports", "/servicedesk/reports", 507, ServiceDeskPermissions.Reports));
        return app;
    }
}

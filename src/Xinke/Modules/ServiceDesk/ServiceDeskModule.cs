using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

/// <summary>Registration of the service desk: tickets, SLAs, categories and their pages.</summary>
public static class ServiceDeskModule
{
    public static IServiceCollection AddServiceDesk(this IServiceCollection services)
    {
        services.AddOptions<ServiceDeskOptions>().BindConfiguration(ServiceDeskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TicketDesk>();
        services.AddScoped<TicketDirectory>();
        services.AddScoped<ServiceDeskIntake>();
        services.AddScoped<TicketSla>();
        services.AddScoped<SlaPolicies>();
        services.AddScoped<TicketCategories>();
        services.AddScoped<SupportGroups>();
        services.AddAttachmentOwner<TicketAttachments>();
        services.AddRecurringJob<SlaWatchJob>();
        services.AddRecurringJob<AutoCloseJob>();
        services.AddEvidenceProvider<ServiceDeskEvidence>();
        services.AddEvidenceRecordSource<ServiceDeskEvidenceRecords>();
        services.AddScoped<ServiceDeskDemoSeeder>();
        services.AddRecordRuleCheck<ServiceDeskRuleChecks>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<ServiceDeskDemoSeeder>());
        services.AddScoped<IBusinessRecords>(provider => provider.GetRequiredService<ServiceDeskDemoSeeder>());
        services.AddNotificationKind(TicketDesk.AssignedKind, "notice.kind.ticket_assigned", emailByDefault: true);
        services.AddNotificationKind(TicketDesk.ResolvedKind, "notice.kind.ticket_resolved", emailByDefault: true);
        services.AddNotificationKind(TicketDesk.CommentedKind, "notice.kind.ticket_commented", emailByDefault: false);
        services.AddNotificationKind(SlaWatchJob.WarningKind, "notice.kind.ticket_sla_warning", emailByDefault: true);
        services.AddNotificationKind(SlaWatchJob.EscalationKind, "notice.kind.ticket_sla_escalated", emailByDefault: true);
        return services;
    }

    public static WebApplication MapServiceDeskApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTicketsApi();
        app.MapSlaPoliciesApi();
        app.MapTicketCategoriesApi();
        app.MapSupportGroupsApi();
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.servicedesk", "/servicedesk/tickets", 400, ServiceDeskPermissions.TicketsRead))
            .Add(new NavigationItem("nav.sla_policies", "/servicedesk/sla-policies", 401, ServiceDeskPermissions.TicketsManage))
            .Add(new NavigationItem("nav.ticket_categories", "/servicedesk/categories", 402, ServiceDeskPermissions.TicketsManage))
            .Add(new NavigationItem("nav.support_groups", "/servicedesk/groups", 403, ServiceDeskPermissions.TicketsManage));
        return app;
    }
}

using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Obligations;

public static class ObligationsServices
{
    public static IServiceCollection AddXinkeObligations(this IServiceCollection services)
    {
        services.AddOptions<ObligationOptions>().BindConfiguration(ObligationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ObligationRecords>();
        services.AddScoped<ObligationService>();
        services.AddScoped<ObligationEvaluator>();
        services.AddScoped<ObligationDeclarationSync>();
        services.AddScoped<ObligationQueries>();
        services.AddScoped<IObligationNotifier, ObligationOverdueNotices>();
        services.AddNotificationKind(ObligationOverdueNotices.OverdueKind, "notice.kind.obligation_overdue", emailByDefault: true);
        services.AddRecurringJob<ObligationEvaluationJob>();
        return services;
    }

    public static WebApplication MapObligationsNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.obligations", "/obligations", 300, ObligationPermissions.Read))
            .Add(new NavigationItem("nav.obligation_calendar", "/obligations/calendar", 310, ObligationPermissions.Read));
        return app;
    }
}

using Xinke.Kernel.Files;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Improvements;

/// <summary>Registration of the improvement register: its service and its menu entry.</summary>
public static class ImprovementsModule
{
    public static IServiceCollection AddImprovements(this IServiceCollection services)
    {
        services.AddScoped<ImprovementActions>();
        services.AddAttachmentOwner<ImprovementAttachments>();
        services.AddNotificationKind(ImprovementActions.AssignedKind, "notice.kind.improvement_assigned", emailByDefault: true);
        return services;
    }

    public static WebApplication MapImprovementsNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.improvements", "/improvements", 320, ImprovementPermissions.Read));
        return app;
    }
}

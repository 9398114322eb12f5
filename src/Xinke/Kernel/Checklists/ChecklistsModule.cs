using Xinke.Kernel.Files;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Checklists;

/// <summary>Registration of checklists: the service and the menu entry.</summary>
public static class ChecklistsModule
{
    public static IServiceCollection AddChecklists(this IServiceCollection services)
    {
        services.AddScoped<ChecklistService>();
        services.AddAttachmentOwner<ChecklistRunAttachments>();
        return services;
    }

    public static WebApplication MapChecklistsNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.checklists", "/checklists", 310, ChecklistPermissions.Read));
        return app;
    }
}

using Xinke.Kernel.Web;

namespace Xinke.Kernel.Calendar;

/// <summary>Registration of the calendar administration: stored holiday years and their page.</summary>
public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<IStoredHolidayYears, StoredHolidayYears>();
        services.AddScoped<HolidayYears>();
        return services;
    }

    public static WebApplication MapCalendarNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.calendar", "/admin/calendar", 920, CalendarPermissions.Read));
        return app;
    }
}

namespace Xinke.Kernel.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddXinkeNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(DeliveryInstance.New());
        services.AddSingleton<NotificationKinds>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<IChannelSender, EmailSender>();
        services.AddHttpClient<IChannelSender, RobotSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<OutboxWorker>();
        return services;
    }

    /// <summary>Declares a kind of notification a module sends, so people can choose how they receive it.</summary>
    public static IServiceCollection AddNotificationKind(this IServiceCollection services, string kind, string textKey, bool emailByDefault = false) =>
        services.AddSingleton(new NotificationKind(kind, textKey, emailByDefault));
}

using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Audit;

public static class AuditServices
{
    public static IServiceCollection AddXinkeAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<ActorAccessor>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<InstallationKey>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ChainVerifier>();
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<AuditArchive>();
        services.AddHostedService<CheckpointSchedule>();
        return services;
    }
}

namespace Xinke.Kernel.Jobs;

public static class JobsServices
{
    /// <summary>Leases and the runner; every instance runs the runner unless <c>Xinke:Jobs:Enabled</c> is false.</summary>
    public static IServiceCollection AddXinkeJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddSingleton<JobInstance>();
        services.AddScoped<JobLeases>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());
        return services;
    }

    /// <summary>Adds a job to the runner.</summary>
    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services)
        where T : class, IRecurringJob
    {
        services.AddSingleton<T>();
        services.AddSingleton<IRecurringJob>(provider => provider.GetRequiredService<T>());
        return services;
    }
}

namespace Xinke.Kernel.Demo;

public static class DemoRegistration
{
    /// <summary>Registers a module's demo seeder, and its business-records probe when it is one, so demo data never joins a real hospital's.</summary>
    public static IServiceCollection AddDemoSeeder<T>(this IServiceCollection services)
        where T : class, IDemoSeeder
    {
        services.AddScoped<T>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<T>());
        if (typeof(IBusinessRecords).IsAssignableFrom(typeof(T)))
        {
            services.AddScoped(provider => (IBusinessRecords)provider.GetRequiredService<T>());
        }

        return services;
    }
}

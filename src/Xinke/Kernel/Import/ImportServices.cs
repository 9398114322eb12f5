namespace Xinke.Kernel.Import;

public static class ImportServices
{
    public static IServiceCollection AddXinkeImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxRows > 0 && o.MaxReportedErrors > 0, "Xinke:Import limits must be positive.")
            .ValidateOnStart();
        services.AddScoped<Importer>();
        return services;
    }
}

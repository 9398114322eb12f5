using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Backup;

public static class BackupServices
{
    public static IServiceCollection AddBackup(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
        services.AddSingleton<PostgresTools>();
        services.AddScoped<SqliteSnapshot>();
        services.AddScoped<PostgresSnapshot>();
        services.AddScoped<IDatabaseSnapshot>(provider =>
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Kind == DatabaseKind.Postgres
                ? provider.GetRequiredService<PostgresSnapshot>()
                : provider.GetRequiredService<SqliteSnapshot>());
        services.AddScoped<BackupWriter>();
        services.AddScoped<BackupRestorer>();
        services.AddScoped<Crypto.KeyRotation>();
        services.AddScoped<Crypto.KeyRingLock>();
        return services;
    }
}

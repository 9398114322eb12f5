using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Data;

public static class DataServices
{
    public const string SqliteMigrationsAssembly = "Xinke.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Xinke.Migrations.Postgres";

    public static IServiceCollection AddXinkeData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataFolder>();
        services.AddOptions<CryptoOptions>().BindConfiguration(CryptoOptions.Section);
        services.AddSingleton<ICryptoProvider, SoftwareCryptoProvider>();
        services.AddSingleton<IFieldProtector, FieldProtector>();
        services.AddSingleton<XinkeModel>();
        foreach (var part in XinkeModules.ModelParts())
        {
            services.AddSingleton(part);
        }

        services.AddSingleton<VersionStamps>();
        services.AddDbContext<XinkeDb>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var configuration = provider.GetRequiredService<IConfiguration>();
            Configure(options, database, configuration, provider.GetRequiredService<DataFolder>());
            // Versions are stamped first, so the audited changes show the new version; the writer
            // chains the audit events a transaction holds when it commits.
            options.AddInterceptors(provider.GetRequiredService<VersionStamps>(), provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<AuditWriter>());
        });
        services.AddScoped<HumanCodes>();
        services.AddScoped<DatabaseMigrator>();
        services.AddSingleton<MigrationsState>();
        return services;
    }

    /// <summary>Provider set-up shared by the application and the design-time factory.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, IConfiguration configuration, DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(dataFolder);
        options.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, XinkeModelCacheKeyFactory>();
        if (database.Kind == DatabaseKind.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Postgres is empty.");
            }

            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            var connectionString = configuration.GetConnectionString("Sqlite") ?? new SqliteConnectionStringBuilder
            {
                DataSource = dataFolder.SqliteFile,
                Pooling = true,
                DefaultTimeout = database.SqliteBusyTimeoutSeconds,
            }.ToString();
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            options.AddInterceptors(new SqlitePragmas(database.SqliteBusyTimeoutSeconds), new SqliteConnectionPerContext());
        }
    }
}

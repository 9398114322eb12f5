using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;

namespace Xinke.Tests.Infrastructure;

/// <summary>
/// A fresh database per test, made fast from a migrated template: a copied file on SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL (when scripts/test provides a server in
/// <c>XINKE_TEST_POSTGRES</c>).
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? sqliteTemplate;
    private static string? postgresTemplate;

    static TestDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTemplate();

    public static string? PostgresServer => Environment.GetEnvironmentVariable("XINKE_TEST_POSTGRES");

    private static void RemoveTemplate()
    {
        if (sqliteTemplate is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(sqliteTemplate)!, recursive: true);
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var folder = Directory.CreateTempSubdirectory("xinke-test-").FullName;
        if (kind == DatabaseKind.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            File.Copy(template, Path.Combine(folder, "xinke.db"));
            return new TestDatabase(kind, folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("XINKE_TEST_POSTGRES is not set.");
        var templateName = await PostgresTemplateAsync(server);
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"");
        return new TestDatabase(kind, folder, PostgresDatabase(server, name));
    }

    /// <summary>A database and data folder with nothing in them, not even the schema: where a restore goes.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseKind kind)
    {
        var folder = Directory.CreateTempSubdirectory("xinke-test-").FullName;
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, folder, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("XINKE_TEST_POSTGRES is not set.");
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new TestDatabase(kind, folder, PostgresDatabase(server, name));
    }

    internal static string PostgresDatabase(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    internal static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sqliteTemplate is null)
            {
                var folder = Directory.CreateTempSubdirectory("xinke-template-").FullName;
                var file = Path.Combine(folder, "xinke.db");
                var options = new DbContextOptionsBuilder<XinkeDb>()
                    .UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly(DataServices.SqliteMigrationsAssembly))
                    .Options;
                await using (var db = new XinkeDb(options, new XinkeModel(XinkeModules.ModelParts())))
                {
                    await db.Database.MigrateAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }

                SqliteConnection.ClearAllPools();
                sqliteTemplate = file;
            }

            return sqliteTemplate;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PostgresTemplateAsync(string server)
    {
        await Gate.WaitAsync();
        try
        {
            if (postgresTemplate is null)
            {
                var name = $"xinke_template_{Environment.ProcessId}";
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
                var connectionString = PostgresDatabase(server, name);
                var options = new DbContextOptionsBuilder<XinkeDb>()
                    .UseNpgsql(connectionString, o => o.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
                    .Options;
                await using (var db = new XinkeDb(options, new XinkeModel(XinkeModules.ModelParts())))
                {
                    await db.Database.MigrateAsync();
                }

                // A template must have no open connection when it is copied.
                NpgsqlConnection.ClearAllPools();
                postgresTemplate = name;
            }

            return postgresTemplate;
        }
        finally
        {
            Gate.Release();
        }
    }
}

using Npgsql;
using Xinke.Data;

namespace Xinke.Tests.Infrastructure;

/// <summary>One test's database and data folder, and the settings that point Xinke at them.</summary>
public sealed class TestDatabase(DatabaseKind kind, string dataFolder, string? postgresConnection) : IAsyncDisposable
{
    public DatabaseKind Kind { get; } = kind;

    public string DataFolder { get; } = dataFolder;

    public string? PostgresConnection { get; } = postgresConnection;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["XINKE_DATA_DIR"] = DataFolder,
        ["Database:Provider"] = Kind == DatabaseKind.Postgres ? "postgres" : "sqlite",
        ["ConnectionStrings:Postgres"] = PostgresConnection,
    };

    public async ValueTask DisposeAsync()
    {
        if (PostgresConnection is not null)
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnection);
            NpgsqlConnection.ClearAllPools();
            await TestDatabases.ExecuteAsync(PostgresConnection, $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host is left to the temp cleaner.
        }
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xinke.Data;

namespace Xinke.Kernel.Backup;

/// <summary>
/// <c>pg_dump</c> in its custom format, which takes one snapshot of the database while the
/// server keeps serving; restore empties the (record-free) database's schema and runs
/// <c>pg_restore</c> in a single transaction, so a failed restore leaves nothing half-made.
/// </summary>
public sealed class PostgresSnapshot(XinkeDb db, PostgresTools tools) : IDatabaseSnapshot
{
    public string EntryName => BackupPaths.PostgresDump;

    public async Task<int?> ServerMajorAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
            var number = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture);
            return number / 10_000;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task WriteAsync(string file, CancellationToken cancellationToken)
    {
        var major = (await ServerMajorAsync(cancellationToken))!.Value;
        await tools.RunAsync("pg_dump", major, ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={file}"], cancellationToken);
    }

    public async Task RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var major = (await ServerMajorAsync(cancellationToken))!.Value;
        await db.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", cancellationToken);
        NpgsqlConnection.ClearAllPools();
        await tools.RunAsync("pg_restore", major, ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={Database}", file], cancellationToken);
    }

    private string ConnectionString => db.Database.GetConnectionString()!;

    private string Database => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xinke.Kernel.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent in the file and set once by
/// <see cref="DatabaseMigrator"/>; what must hold on every connection is set here.
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

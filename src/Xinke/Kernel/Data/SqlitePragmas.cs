using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Xinke.Kernel.Data;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent in the file and set once by
/// <see cref="DatabaseMigrator"/>; what must hold on every connection is set here, once per
/// physical connection: the pool hands the same native connection out again with its settings
/// kept, so setting them at each open cost three statements per context.
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string pragmas = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    /// <summary>
    /// The native connections already set, with what they were set to; process-wide, because an
    /// interceptor is made for each context. An entry goes when the pool lets its connection go.
    /// </summary>
    private static readonly ConditionalWeakTable<sqlite3, string> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            Remember(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(handle);
        }
    }

    private bool NeedsPragmas(DbConnection connection, out sqlite3? handle)
    {
        ArgumentNullException.ThrowIfNull(connection);
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !Prepared.TryGetValue(handle, out var applied) || applied != pragmas;
    }

    private void Remember(sqlite3? handle)
    {
        if (handle is not null)
        {
            Prepared.AddOrUpdate(handle, pragmas);
        }
    }
}

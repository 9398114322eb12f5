using Microsoft.Data.Sqlite;
using Npgsql;

namespace Xinke.Kernel.Data;

/// <summary>
/// Recognises a statement the database gave up on because others held what it needed: a command
/// or pool timeout, a lock wait cut short, a deadlock victim, SQLite's busy timeout. Nothing of
/// the use case was committed, and the same request may succeed a moment later.
/// </summary>
public static class BusyDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsBusyDatabase(this Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var busy = current switch
            {
                PostgresException postgres => postgres.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected,
                NpgsqlException { InnerException: TimeoutException } => true,
                SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
                _ => false,
            };
            if (busy)
            {
                return true;
            }
        }

        return false;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Xinke.Kernel.Data;

/// <summary>
/// Recognises a write refused by a unique index. Services check for a taken code before they
/// insert, but two requests can both pass that check; the index then decides, and the loser
/// must hear "already exists" rather than see a server error.
/// </summary>
public static class UniqueViolations
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

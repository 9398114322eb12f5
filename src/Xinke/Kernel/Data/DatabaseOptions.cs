using System.ComponentModel.DataAnnotations;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>Bound from the <c>Database</c> section and <c>ConnectionStrings</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (embedded, the default) or <c>postgres</c>.</summary>
    [Required]
    [RegularExpression("^(?i)(sqlite|postgres)$")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Seconds a writer waits for SQLite's write lock before giving up.</summary>
    [Range(1, 600)]
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    public DatabaseKind Kind => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        ? DatabaseKind.Postgres
        : DatabaseKind.Sqlite;
}

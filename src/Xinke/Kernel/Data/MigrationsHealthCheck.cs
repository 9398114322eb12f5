using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>
/// Ready means: the database answers and holds every migration of this build. Connectivity is
/// checked on every probe, by a statement on a connection of the pool as requests use it (EF's
/// CanConnect opens a fresh unpooled connection on SQLite, twelve times the cost of the query);
/// the migration list (a query of the history table and a scan of the migrations assembly) only
/// until it has once been complete, since applied migrations do not come undone while the process runs.
/// </summary>
public sealed class MigrationsHealthCheck(XinkeDb db, MigrationsState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        }
        catch (DbException failure)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", failure);
        }

        if (state.Complete)
        {
            return HealthCheckResult.Healthy();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        state.Complete = pending.Count == 0;
        return state.Complete
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied.");
    }
}

/// <summary>Remembers, for the life of the process, that every migration was found applied.</summary>
public sealed class MigrationsState
{
    public bool Complete { get; set; }
}

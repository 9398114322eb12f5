using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Demo;

/// <summary>
/// Last of the seeders: has PostgreSQL sample the tables the others filled. They bulk-load hundreds
/// of thousands of rows faster than autovacuum samples them, and a list planned without statistics
/// can read its whole index for one page. SQLite plans those lists well without them.
/// </summary>
public sealed class PlannerStatisticsDemoSeeder(XinkeDb db) : IDemoSeeder
{
    public int Order => int.MaxValue;

    public string Name => "planner-statistics";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
    }
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

/// <summary>
/// A write that cannot get its locks in time is refused as "busy, try again" (503 with
/// <c>Retry-After</c>), not reported as a server fault, and leaves nothing behind.
/// </summary>
public abstract class BusyDatabaseTests(DatabaseKind kind) : IntegrationTest(kind)
{
    private readonly ShortCommandTimeouts timeouts = new();

    public sealed class OnSqlite() : BusyDatabaseTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BusyDatabaseTests(DatabaseKind.Postgres);

    protected override IReadOnlyDictionary<string, string?>? Settings =>
        new Dictionary<string, string?> { ["Database:SqliteBusyTimeoutSeconds"] = "1" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddProbeModule();
        services.ConfigureDbContext<XinkeDb>(options => options.AddInterceptors(timeouts));
    }

    protected override Task StartedAsync() =>
        App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));

    [Fact]
    public async Task A_write_that_waits_too_long_for_a_lock_is_refused_as_busy_and_stores_nothing()
    {
        timeouts.Enabled = true;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var holder = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            await using var transaction = await holder.Database.BeginTransactionAsync(Cancel);
            await holder.Database.ExecuteSqlRawAsync(
                Kind == DatabaseKind.Postgres
                    ? """LOCK TABLE "CodeCounters" IN ACCESS EXCLUSIVE MODE"""
                    : """INSERT INTO "CodeCounters" ("Kind", "Year", "Last") VALUES ('HOLD', 2026, 0)""",
                Cancel);

            var refused = await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput("锁等待", 1), Cancel);

            var problem = await Problems.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("server.busy", problem.Code);
            Assert.NotNull(problem.TraceId);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Probe>().CountAsync(Cancel)));
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput("锁等待", 1), Cancel)).StatusCode);
    }

    /// <summary>Cuts every command's wait to two seconds once a test turns it on (the host starts with the default).</summary>
    private sealed class ShortCommandTimeouts : DbCommandInterceptor
    {
        public bool Enabled { get; set; }

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            if (Enabled)
            {
                result.CommandTimeout = 2;
            }

            return result;
        }
    }
}

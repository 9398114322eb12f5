using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Audit;

public abstract class AuditConcurrencyTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : AuditConcurrencyTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditConcurrencyTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Eight_writers_append_10000_events_without_a_fork_or_a_gap()
    {
        const int writers = 8;
        const int each = 1250;
        var baseline = await App.LastSequenceAsync(Cancel);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await using var scope = App.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
                    new PendingEvent(new Actor(writer, $"writer-{writer}"), "login", AuditOutcome.Success), Cancel);
            }
        }, Cancel)));

        await using var verify = App.Services.CreateAsyncScope();
        var result = await verify.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(1, null, null, null, Cancel);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(baseline + (writers * each), result.Count);
        var db = verify.ServiceProvider.GetRequiredService<XinkeDb>();
        Assert.Equal(baseline + (writers * each), await db.Set<AuditEvent>().MaxAsync(e => e.Sequence, Cancel));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Two_instances_on_one_database_append_without_a_fork()
    {
        await using var second = new XinkeApp(App.Database);
        var instances = new[] { App.Services, second.Services };
        var baseline = await App.LastSequenceAsync(Cancel);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                await using var scope = instances[writer % 2].CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
                    new PendingEvent(new Actor(writer, $"instance-{writer % 2}"), "login", AuditOutcome.Success), Cancel);
            }
        }, Cancel)));

        var result = await App.VerifyChainAsync(Cancel);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(baseline + 1000, result.Count);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Audit;

/// <summary>
/// A writer appends from where it last left the chain, and its own statement checks that the head
/// is still there: an end left behind by another instance or by a transaction that rolled back is
/// noticed and the append starts again from the head, so the chain neither forks nor gaps.
/// </summary>
public abstract class AuditLastEndTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : AuditLastEndTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditLastEndTests(DatabaseKind.Postgres);

    private static readonly DateTime LastYear = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_append_after_another_instance_moved_the_head_starts_from_the_head()
    {
        await using var second = new XinkeApp(App.Database);
        var before = await App.LastSequenceAsync(Cancel);

        await RecordAsync(App.Services, "first");
        await RecordAsync(second.Services, "second");
        await RecordAsync(App.Services, "third");
        await RecordAsync(second.Services, "fourth");

        var result = await App.VerifyChainAsync(Cancel);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(before + 4, await App.LastSequenceAsync(Cancel));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_end_left_by_a_rolled_back_append_is_not_built_on()
    {
        await RecordAsync(App.Services, "before");
        var before = await App.LastSequenceAsync(Cancel);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<AuditWriter>().AppendHistoryAsync(db, History(3), Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        await RecordAsync(App.Services, "after");

        var result = await App.VerifyChainAsync(Cancel);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(before + 1, await App.LastSequenceAsync(Cancel));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_transaction_that_holds_the_head_commits_while_another_writer_waits_for_the_head()
    {
        var before = await App.LastSequenceAsync(Cancel);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        await scope.ServiceProvider.GetRequiredService<AuditWriter>().AppendHistoryAsync(db, History(2), Cancel);

        var waiting = Task.Run(() => RecordAsync(App.Services, "waiting"), Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
            new PendingEvent(new Actor(1, "holder"), "holder.live", AuditOutcome.Success), Cancel);
        await transaction.CommitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        await waiting.WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        var result = await App.VerifyChainAsync(Cancel);
        Assert.True(result.Ok, result.ToString());
        Assert.Equal(before + 4, await App.LastSequenceAsync(Cancel));
    }

    private static List<HistoricalEvent> History(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new HistoricalEvent(new PendingEvent(new Actor(1, "history"), "login", AuditOutcome.Success), LastYear.AddMinutes(i)))];

    private static async Task RecordAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(new PendingEvent(new Actor(1, name), "login", AuditOutcome.Success), Cancel);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel.Audit;

/// <summary>
/// A transaction's audit events join the chain when it commits, and only then: a use case still
/// running holds no lock on the chain, and one that does not commit leaves nothing behind.
/// </summary>
public abstract class AuditCommitTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : AuditCommitTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditCommitTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    protected override async Task StartedAsync() =>
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_transaction_disposed_without_commit_leaves_no_event_and_lends_none_to_the_next()
    {
        var before = await App.LastSequenceAsync(Cancel);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();

        await using (await db.Database.BeginTransactionAsync(Cancel))
        {
            db.Add(new Probe { Code = "P-abandoned", Name = "放弃的变更" });
            await db.SaveChangesAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync("probe.abandoned", AuditOutcome.Success, Cancel);
        }

        db.ChangeTracker.Clear();
        await using (var next = await db.Database.BeginTransactionAsync(Cancel))
        {
            db.Add(new Probe { Code = "P-kept", Name = "保留的变更" });
            await db.SaveChangesAsync(Cancel);
            await next.CommitAsync(Cancel);
        }

        var events = await EventsAfterAsync(before);
        var only = Assert.Single(events);
        Assert.Equal(AuditAction.Create, only.Action);
        Assert.Contains("P-kept", only.Changes, StringComparison.Ordinal);
        Assert.True((await App.VerifyChainAsync(Cancel)).Ok);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_transaction_s_events_are_sealed_in_order_at_its_commit()
    {
        var before = await App.LastSequenceAsync(Cancel);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var log = scope.ServiceProvider.GetRequiredService<AuditLog>();

        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await log.RecordAsync("probe.first", AuditOutcome.Success, Cancel);
            db.Add(new Probe { Code = "P-second", Name = "第二" });
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(before, await App.LastSequenceAsync(Cancel));
            await log.RecordAsync("probe.third", AuditOutcome.Success, Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(["probe.first", AuditAction.Create, "probe.third"], (await EventsAfterAsync(before)).Select(e => e.Action));
        Assert.True((await App.VerifyChainAsync(Cancel)).Ok);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_audited_write_commits_while_another_transaction_with_audited_changes_is_still_open()
    {
        Assert.SkipWhen(Kind == DatabaseKind.Sqlite, "SQLite lets one transaction write at a time");
        var before = await App.LastSequenceAsync(Cancel);
        await using var slowScope = App.Services.CreateAsyncScope();
        var slow = slowScope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var slowTransaction = await slow.Database.BeginTransactionAsync(Cancel);
        slow.Add(new Probe { Code = "P-slow", Name = "长事务" });
        await slow.SaveChangesAsync(Cancel);

        // Before events were held to the commit, this save waited on the chain's head until the
        // open transaction ended: here it must finish while that one is still open.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        await App.WithDbAsync(async db =>
        {
            db.Add(new Probe { Code = "P-quick", Name = "短事务" });
            return await db.SaveChangesAsync(limit.Token);
        });

        await slowTransaction.CommitAsync(Cancel);
        var events = await EventsAfterAsync(before);
        Assert.Equal(["P-quick", "P-slow"], events.Select(e => e.Changes!.Contains("P-quick", StringComparison.Ordinal) ? "P-quick" : "P-slow"));
        Assert.True((await App.VerifyChainAsync(Cancel)).Ok);
    }

    private Task<List<AuditEvent>> EventsAfterAsync(long sequence) =>
        App.WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync(Cancel));
}

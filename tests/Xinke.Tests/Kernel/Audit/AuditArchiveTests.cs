using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Audit;

public abstract class AuditArchiveTests(DatabaseKind kind) : IntegrationTest(kind)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 1, 10, 2, 0, 0, TimeSpan.Zero));

    public sealed class OnSqlite() : AuditArchiveTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditArchiveTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Events_past_the_retention_move_to_a_signed_archive_and_the_chain_still_verifies()
    {
        var baseline = await App.WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => (long?)e.Sequence, Cancel)) ?? 0;
        await RecordAsync(5);
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        await RecordAsync(3);

        var outcome = await ArchiveAsync(new DateOnly(2025, 6, 1));

        Assert.True(outcome.Succeeded);
        var manifest = outcome.Value!;
        Assert.Equal((1L, baseline + 5, baseline + 5), (manifest.FirstSequence, manifest.LastSequence, manifest.Count));
        var remaining = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Cancel));
        Assert.Equal([baseline + 6, baseline + 7, baseline + 8, baseline + 9], remaining);
        var archivedEvent = await App.WithDbAsync(db => db.Set<AuditEvent>().SingleAsync(e => e.Sequence == baseline + 9, Cancel));
        Assert.Equal("audit_archived", archivedEvent.Action);

        var verified = await VerifyAsync(withArchive: true);
        Assert.True(verified.Ok, verified.ToString());
        Assert.Equal(4, verified.Count);

        var withoutArchive = await VerifyAsync(withArchive: false);
        Assert.Equal((1L, ChainFault.Missing), (withoutArchive.FirstBadSequence!.Value, withoutArchive.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Events_inside_the_retention_cannot_be_archived()
    {
        await RecordAsync(3);
        var before = await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(Cancel));
        clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero));

        var outcome = await ArchiveAsync(new DateOnly(2025, 2, 1));

        Assert.Equal(AuditArchive.TooRecent, outcome.Error?.Code);
        Assert.Equal(before, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    [Trait("Req", "DATA-04")]
    public async Task A_changed_archive_no_longer_vouches_for_the_cut()
    {
        await RecordAsync(4);
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        await RecordAsync(1);
        Assert.True((await ArchiveAsync(new DateOnly(2025, 6, 1))).Succeeded);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var file = Directory.GetFiles(scope.ServiceProvider.GetRequiredService<AuditArchive>().Folder).Single();
            await using var zip = await ZipFile.OpenAsync(file, ZipArchiveMode.Update, Cancel);
            var entry = zip.GetEntry("events.jsonl")!;
            string text;
            await using (var read = await entry.OpenAsync(Cancel))
            using (var reader = new StreamReader(read))
            {
                text = await reader.ReadToEndAsync(Cancel);
            }

            entry.Delete();
            await using var write = await zip.CreateEntry("events.jsonl").OpenAsync(Cancel);
            await using var writer = new StreamWriter(write);
            await writer.WriteAsync(text.Replace("writer", "forger", StringComparison.Ordinal));
        }

        var result = await VerifyAsync(withArchive: true);

        Assert.False(result.Ok);
        Assert.Equal(ChainFault.Missing, result.Fault);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_event_after_the_cutoff_between_older_ones_stops_the_archive_there()
    {
        var baseline = await App.WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => (long?)e.Sequence, Cancel)) ?? 0;
        await RecordAsync(2);
        clock.SetUtcNow(new DateTimeOffset(2025, 8, 1, 2, 0, 0, TimeSpan.Zero));
        await RecordAsync(1);

        await AppendHistoryAsync(new DateTime(2025, 1, 20, 2, 0, 0, DateTimeKind.Utc), 2);
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

        var outcome = await ArchiveAsync(new DateOnly(2025, 6, 1));

        Assert.True(outcome.Succeeded);
        Assert.Equal((1L, baseline + 2), (outcome.Value!.FirstSequence, outcome.Value.LastSequence));
        var remaining = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Cancel));
        Assert.Equal([baseline + 3, baseline + 4, baseline + 5, baseline + 6], remaining);
        var verified = await VerifyAsync(withArchive: true);
        Assert.True(verified.Ok, verified.ToString());
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Nothing_is_archived_when_the_oldest_event_is_already_past_the_cutoff()
    {
        await RecordAsync(1);
        await AppendHistoryAsync(new DateTime(2024, 12, 1, 2, 0, 0, DateTimeKind.Utc), 2);
        var before = await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(Cancel));
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

        var outcome = await ArchiveAsync(new DateOnly(2025, 1, 1));

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Value);
        Assert.Equal(before, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(Cancel)));
    }

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(new PendingEvent(new Actor(1, "writer"), "login", AuditOutcome.Success), Cancel);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Events brought in later that happened earlier, each a minute after the one before: their times lie before those ahead of them in the chain.</summary>
    private async Task AppendHistoryAsync(DateTime from, int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var history = Enumerable.Range(0, count).Select(i => new HistoricalEvent(new PendingEvent(new Actor(1, "writer"), "login", AuditOutcome.Success), from.AddMinutes(i))).ToList();
        await scope.ServiceProvider.GetRequiredService<AuditWriter>().AppendHistoryAsync(db, history, Cancel);
        await transaction.CommitAsync(Cancel);
    }

    private async Task<Xinke.Kernel.Result<ArchiveManifest?>> ArchiveAsync(DateOnly before)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditArchive>().ArchiveAsync(before, Cancel);
    }

    private async Task<ChainVerification> VerifyAsync(bool withArchive)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var archived = withArchive ? await scope.ServiceProvider.GetRequiredService<AuditArchive>().LatestAsync(Cancel) : null;
        return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(1, null, archived?.End, null, Cancel);
    }
}

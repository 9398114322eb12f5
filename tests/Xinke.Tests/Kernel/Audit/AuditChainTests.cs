using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel.Audit;

/// <summary>The chain through the real pipeline, tampered with behind the application's back by raw SQL.</summary>
public abstract class AuditChainTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : AuditChainTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditChainTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    /// <summary>The events already in the chain when the test starts (the first start's bootstrap writes some).</summary>
    private long baseline;

    protected override async Task StartedAsync()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));
        baseline = await App.WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => (long?)e.Sequence, Cancel)) ?? 0;
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_committed_change_leaves_exactly_one_event_per_changed_entity()
    {
        var created = await CreateAsync("核心交换机");
        await PatchAsync(created.Id, "\"1\"", "核心交换机 A");

        var events = await EventsAsync();

        Assert.Equal(2, events.Count);
        Assert.Equal([AuditAction.Create, AuditAction.Update], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(nameof(Probe), e.EntityType));
        Assert.All(events, e => Assert.Equal(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId));
        Assert.All(events, e => Assert.Equal("anonymous", e.ActorName));
        using var update = JsonDocument.Parse(events[1].Changes!);
        Assert.Equal("核心交换机", update.RootElement.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal("核心交换机 A", update.RootElement.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal(2, update.RootElement.GetProperty("Version").GetProperty("after").GetInt64());
        Assert.False(update.RootElement.TryGetProperty("Rank", out _));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_event()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Add(new Probe { Code = "PRB-X", Name = "回滚", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Empty(await EventsAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Probe>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_failed_audit_write_fails_the_change()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Kind == DatabaseKind.Postgres
            ? """
              CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """
            : """CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvents" BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;""", Cancel));

        var response = await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput("不应保存", 1), Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Probe>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task One_save_of_1200_records_leaves_1200_linked_events()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            db.AddRange(Enumerable.Range(1, 1200).Select(i => new Probe { Code = $"PRB-B{i}", Name = $"批量 {i}", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));
            await db.SaveChangesAsync(Cancel);
        }

        var result = await VerifyAsync();

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(baseline + 1200, result.Count);
    }

    [Fact]
    public async Task Secrets_never_reach_the_audit_trail()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            db.Add(new Probe { Code = "PRB-S", Name = "带密钥", Token = "s3cr3t-token", CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync(Cancel);
        }

        var changes = (await EventsAsync()).Single().Changes!;
        Assert.DoesNotContain("s3cr3t-token", changes, StringComparison.Ordinal);
        Assert.Contains(ChangeSet.Mask, changes, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_untouched_chain_verifies()
    {
        await CreateManyAsync(5);

        var result = await VerifyAsync();

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(baseline + 5, result.Count);
        Assert.Equal((await EventsAsync())[^1].Hash, result.HeadHash);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_changed_field_is_named_as_altered()
    {
        await CreateManyAsync(5);
        await SqlAsync($"""UPDATE "AuditEvents" SET "ActorName" = 'someone-else' WHERE "Sequence" = {baseline + 3}""");

        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(baseline + 3, result.FirstBadSequence);
        Assert.Equal(ChainFault.Altered, result.Fault);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_deleted_middle_event_is_named_as_missing()
    {
        await CreateManyAsync(5);
        await SqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" = {baseline + 2}""");

        var result = await VerifyAsync();

        Assert.Equal((baseline + 2, ChainFault.Missing), (result.FirstBadSequence!.Value, result.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_forged_event_is_named_as_inserted()
    {
        await CreateManyAsync(3);
        var last = (await EventsAsync())[^1];
        var forged = new AuditEvent
        {
            Sequence = last.Sequence + 1,
            OccurredAt = last.OccurredAt.AddMinutes(1),
            ActorName = "sysadmin",
            Action = AuditAction.Delete,
            Outcome = AuditOutcome.Success,
            PreviousHash = last.Hash,
            Hash = string.Empty,
        };
        var hash = ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(forged));
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditEvents" ("Sequence", "OccurredAt", "ActorName", "Action", "Outcome", "PreviousHash", "Hash")
            VALUES ({forged.Sequence}, {forged.OccurredAt}, {forged.ActorName}, {forged.Action}, {forged.Outcome}, {forged.PreviousHash}, {hash})
            """, Cancel));

        var result = await VerifyAsync();

        Assert.Equal((last.Sequence + 1, ChainFault.Inserted), (result.FirstBadSequence!.Value, result.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_spliced_event_with_a_valid_own_hash_is_named_as_inserted()
    {
        await CreateManyAsync(4);
        var events = await EventsAsync();
        var original = events[2];
        var forged = new AuditEvent
        {
            Sequence = original.Sequence,
            OccurredAt = original.OccurredAt,
            ActorId = original.ActorId,
            ActorName = original.ActorName,
            ClientAddress = original.ClientAddress,
            UserAgent = original.UserAgent,
            RequirementIds = original.RequirementIds,
            Action = original.Action,
            Outcome = original.Outcome,
            EntityType = original.EntityType,
            EntityId = original.EntityId,
            Changes = "{}",
            PreviousHash = new string('a', 64),
            Hash = string.Empty,
        };
        var hash = ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(forged));
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "AuditEvents" SET "Changes" = {forged.Changes}, "PreviousHash" = {forged.PreviousHash}, "Hash" = {hash} WHERE "Sequence" = {forged.Sequence}""", Cancel));

        var result = await VerifyAsync();

        Assert.Equal((original.Sequence, ChainFault.Inserted), (result.FirstBadSequence!.Value, result.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_cut_tail_is_noticed_by_the_head()
    {
        await CreateManyAsync(6);
        await SqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" > {baseline + 4}""");

        var result = await VerifyAsync();

        Assert.Equal((baseline + 5, ChainFault.Missing), (result.FirstBadSequence!.Value, result.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_cut_tail_with_a_rewritten_head_is_noticed_by_the_exported_checkpoint()
    {
        await CreateManyAsync(6);
        var checkpoint = await ExportCheckpointAsync();
        Assert.Equal(baseline + 6, checkpoint!.Sequence);
        var kept = (await EventsAsync())[3];
        await SqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" > {baseline + 4}""");
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditHeads" SET "Sequence" = {kept.Sequence}, "Hash" = {kept.Hash}""", Cancel));

        Assert.True((await VerifyAsync()).Ok, "without the checkpoint the cut cannot be seen");
        var result = await VerifyAsync(await LatestCheckpointAsync());

        Assert.Equal((baseline + 5, ChainFault.Missing), (result.FirstBadSequence!.Value, result.Fault!.Value));
    }

    [Fact]
    [Trait("Req", "DATA-04")]
    public async Task A_checkpoint_not_signed_by_this_installation_is_ignored()
    {
        await CreateManyAsync(2);
        var checkpoint = await ExportCheckpointAsync();
        var folder = App.Services.CreateScope().ServiceProvider.GetRequiredService<AuditCheckpoints>().Folder;
        var file = Path.Combine(folder, $"checkpoint-{checkpoint!.Sequence:D12}.json");
        var forged = File.ReadAllText(file).Replace(checkpoint.Hash, new string('b', 64), StringComparison.Ordinal);
        File.WriteAllText(file, forged);

        // An older checkpoint (the schedule writes one at start) may still count; the forged one never does.
        var latest = await LatestCheckpointAsync();
        Assert.True(latest is null || latest.Sequence < checkpoint.Sequence);
    }

    private async Task CreateManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await CreateAsync($"设备 {i}");
        }
    }

    private async Task<ProbeDto> CreateAsync(string name)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput(name, 1), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProbeDto>(Cancel))!;
    }

    private async Task PatchAsync(long id, string ifMatch, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/test-probes/{id}") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request, Cancel)).StatusCode);
    }

    private Task<List<AuditEvent>> EventsAsync() =>
        App.WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Sequence > baseline).OrderBy(e => e.Sequence).ToListAsync(Cancel));

    private Task<int> SqlAsync(string sql) => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, Cancel));

    private async Task<ChainVerification> VerifyAsync(Checkpoint? checkpoint = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(1, checkpoint?.Point, null, null, Cancel);
    }

    private async Task<Checkpoint?> ExportCheckpointAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().ExportAsync(Cancel);
    }

    private async Task<Checkpoint?> LatestCheckpointAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().LatestAsync(Cancel);
    }
}

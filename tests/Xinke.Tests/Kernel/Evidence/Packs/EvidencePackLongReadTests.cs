using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>
/// A pack of a year at a large hospital reads for minutes: its queries run under the packs' own
/// command timeout, and a pack that still fails is marked failed with the causes named.
/// </summary>
public abstract class EvidencePackLongReadTests(DatabaseKind kind) : IntegrationTest(kind)
{
    private const int PackTimeoutSeconds = 1234;
    private readonly ObservedReads reads = new();

    public sealed class OnSqlite() : EvidencePackLongReadTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EvidencePackLongReadTests(DatabaseKind.Postgres);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { [$"{EvidencePackOptions.Section}:CommandTimeoutSeconds"] = PackTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IEvidenceRecordSource>(provider => new TimedRecords(provider.GetRequiredService<XinkeDb>(), reads));

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_packs_records_are_read_under_the_packs_command_timeout_not_the_requests()
    {
        var id = await QueuedPackAsync();

        await RunAsync(id);

        Assert.Equal(PackTimeoutSeconds, reads.CommandTimeout);
        Assert.Equal(EvidencePackStatus.Ready, await StatusAsync(id));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.NotEqual(PackTimeoutSeconds, scope.ServiceProvider.GetRequiredService<XinkeDb>().Database.GetCommandTimeout());
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_pack_whose_read_times_out_is_failed_naming_the_timeout_under_the_drivers_exception()
    {
        reads.Failure = new InvalidOperationException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        var id = await QueuedPackAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(id));

        var pack = await WithPackAsync(id);
        Assert.Equal(EvidencePackStatus.Failed, pack.Status);
        Assert.Equal("InvalidOperationException < TimeoutException", pack.Failure);
        Assert.DoesNotContain("reading", pack.Failure, StringComparison.Ordinal);
        var folder = App.Services.GetRequiredService<EvidencePacks>().Folder;
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    private async Task<long> QueuedPackAsync() => await App.WithDbAsync(async db =>
    {
        var pack = new EvidencePack
        {
            RequestedBy = "director",
            From = new DateOnly(2026, 1, 1),
            To = new DateOnly(2026, 12, 31),
            RequirementIds = TimedRecords.Requirement,
            Status = EvidencePackStatus.Queued,
            CreatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Add(pack);
        await db.SaveChangesAsync(Cancel);
        return pack.Id;
    });

    private async Task RunAsync(long id)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvidencePacks>().RunAsync(id, Cancel);
    }

    private Task<EvidencePack> WithPackAsync(long id) => App.WithDbAsync(db => db.Set<EvidencePack>().AsNoTracking().SingleAsync(p => p.Id == id, Cancel));

    private async Task<EvidencePackStatus> StatusAsync(long id) => (await WithPackAsync(id)).Status;

    private sealed class ObservedReads
    {
        public int? CommandTimeout { get; set; }

        public Exception? Failure { get; set; }
    }

    /// <summary>A module's records, read through the pack's own database context.</summary>
    private sealed class TimedRecords(XinkeDb db, ObservedReads reads) : IEvidenceRecordSource
    {
        public const string Requirement = "ROOM-01";

        public IReadOnlyCollection<string> RequirementIds { get; } = [Requirement];

        public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            reads.CommandTimeout = db.Database.GetCommandTimeout();
            if (reads.Failure is { } failure)
            {
                throw failure;
            }

            var count = await db.Set<EvidencePack>().CountAsync(cancellationToken);
            yield return new RecordSheet("evidencerecords.training_sessions", ["evidencerecords.code"], Rows(count));
        }

        private static async IAsyncEnumerable<RecordRow> Rows(int count)
        {
            await Task.CompletedTask;
            yield return new RecordRow([count.ToString(System.Globalization.CultureInfo.InvariantCulture)], []);
        }
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;

namespace Xinke.Bench;

/// <summary>
/// Audited inserts against the same inserts without the audit (an entity marked NotAudited),
/// each insert its own transaction, with one writer and with eight; events appended in bulk
/// (a history brought in whole, like the demo hospital's year); and verification of the stored chain. SQLite always; PostgreSQL when XINKE_BENCH_POSTGRES names a server.
/// Per insert (or per verified event).
/// </summary>
[MemoryDiagnoser]
public class AuditWriteBenchmarks : IDisposable
{
    private const int Inserts = 400;
    private const int Verified = 10_000;
    private const int HistoryBatch = 2_000;
    private string folder = string.Empty;
    private DbContextOptions<XinkeDb> options = null!;
    private XinkeModel model = null!;
    private readonly AuditWriter writer = new(TimeProvider.System, Options.Create(new AuditOptions()));

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    [Params(1, 8)]
    public int Writers { get; set; }

    public static IEnumerable<string> Databases =>
        Environment.GetEnvironmentVariable("XINKE_BENCH_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgres"] : ["sqlite"];

    [GlobalSetup(Targets = [nameof(Inserts_without_audit), nameof(Audited_inserts), nameof(Append_history_batches)])]
    public async Task SetupAsync()
    {
        folder = Directory.CreateTempSubdirectory("xinke-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XINKE_DATA_DIR"] = folder,
            ["ConnectionStrings:Postgres"] = Environment.GetEnvironmentVariable("XINKE_BENCH_POSTGRES") is { Length: > 0 } server
                ? new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"xinke_bench_{Environment.ProcessId}" }.ToString()
                : null,
        }).Build();
        if (Database == "postgres")
        {
            await using var admin = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("XINKE_BENCH_POSTGRES"));
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS xinke_bench_{Environment.ProcessId} WITH (FORCE); ", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE xinke_bench_{Environment.ProcessId}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new DbContextOptionsBuilder<XinkeDb>();
        DataServices.Configure(builder, new DatabaseOptions { Provider = Database }, configuration, new DataFolder(configuration));
        builder.AddInterceptors(new VersionStamps(), new AuditInterceptor(new ActorAccessor(new HttpContextAccessor()), writer), writer);
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options = builder.Options;
        model = new XinkeModel([.. XinkeModules.ModelParts(), new BenchRecordModel()]);
        await using var db = new XinkeDb(options, model);
        await db.Database.MigrateAsync();
        foreach (var sql in BenchRecordModel.CreateTables(Database))
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [GlobalSetup(Target = nameof(Verify_stored_chain))]
    public async Task SetupChainAsync()
    {
        await SetupAsync();
        var actor = new Actor(42, "it-engineer", "10.1.2.3", "Mozilla/5.0");
        for (var batch = 0; batch < Verified / 500; batch++)
        {
            await using var db = new XinkeDb(options, model);
            await using var transaction = await db.Database.BeginTransactionAsync();
            writer.Append(db, [.. Enumerable.Range(0, 500).Select(i => new PendingEvent(actor, AuditAction.Update, AuditOutcome.Success, "Asset", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"Status\":{\"before\":\"InStock\",\"after\":\"OnLoan\"}}"))]);
            await transaction.CommitAsync();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public void Dispose()
    {
        writer.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts)]
    public Task Inserts_without_audit() => InsertAsync(audited: false);

    [Benchmark(OperationsPerInvoke = Inserts)]
    public Task Audited_inserts() => InsertAsync(audited: true);

    /// <summary>Each writer appends one transaction of <see cref="HistoryBatch"/> past events; per event.</summary>
    [Benchmark(OperationsPerInvoke = HistoryBatch)]
    public Task Append_history_batches() => Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
    {
        var actor = new Actor(42, "it-engineer", "10.1.2.3", "Mozilla/5.0");
        var at = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-300);
        await using var db = new XinkeDb(options, model);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await writer.AppendHistoryAsync(db, [.. Enumerable.Range(0, HistoryBatch / Writers).Select(i => new HistoricalEvent(
            new PendingEvent(actor, "view_sensitive", AuditOutcome.Success, "Person", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"ids\":[" + i + "]}"), at.AddSeconds(i)))], CancellationToken.None);
        await transaction.CommitAsync();
    }));

    [Benchmark(OperationsPerInvoke = Verified)]
    public async Task<long> Verify_stored_chain()
    {
        await using var db = new XinkeDb(options, model);
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync();
        var from = Math.Max(1, head.Sequence - Verified + 1);
        var result = await new ChainVerifier(db).VerifyAsync(from, null, null, null, CancellationToken.None);
        return result.Ok ? result.Count : throw new InvalidOperationException(result.ToString());
    }

    private Task InsertAsync(bool audited) => Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
    {
        for (var i = 0; i < Inserts / Writers; i++)
        {
            await using var db = new XinkeDb(options, model);
            db.Add(audited
                ? new BenchRecord { Name = "门诊打印机", Rank = i }
                : new BenchRecordUnaudited { Name = "门诊打印机", Rank = i });
            await db.SaveChangesAsync();
        }
    }));
}

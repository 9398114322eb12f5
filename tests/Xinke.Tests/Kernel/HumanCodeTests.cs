using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

public abstract class HumanCodeTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : HumanCodeTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : HumanCodeTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    protected override Task StartedAsync() =>
        App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));

    [Fact]
    public async Task Codes_stay_unique_and_gap_free_when_50_inserts_race()
    {
        var responses = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput($"并发 {i}", i), Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = await App.WithDbAsync(db => db.Set<Probe>().Select(p => p.Code).ToListAsync(Cancel));
        var year = App.Services.GetRequiredService<HospitalClock>().ToLocal(TimeProvider.System.GetUtcNow()).Year;
        Assert.Equal(
            Enumerable.Range(1, 50).Select(n => HumanCodes.Format(ProbeApi.CodeKind, year, n)).Order(),
            codes.Order());
    }

    [Fact]
    public async Task A_rolled_back_insert_gives_its_number_back()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            var codes = scope.ServiceProvider.GetRequiredService<HumanCodes>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            Assert.Equal("PRB-2026-000001", await codes.NextAsync(ProbeApi.CodeKind, 2026, Cancel));
            await transaction.RollbackAsync(Cancel);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            var codes = scope.ServiceProvider.GetRequiredService<HumanCodes>();
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            Assert.Equal("PRB-2026-000001", await codes.NextAsync(ProbeApi.CodeKind, 2026, Cancel));
            Assert.Equal("PRB-2026-000002", await codes.NextAsync(ProbeApi.CodeKind, 2026, Cancel));
            Assert.Equal("PRB-2027-000001", await codes.NextAsync(ProbeApi.CodeKind, 2027, Cancel));
            await transaction.CommitAsync(Cancel);
        }
    }

    [Fact]
    public async Task Codes_taken_many_at_once_follow_on_from_the_counter_and_the_next_code_follows_them()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var codes = scope.ServiceProvider.GetRequiredService<HumanCodes>();
        var year = scope.ServiceProvider.GetRequiredService<HospitalClock>().ToLocal(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);

        var first = await codes.NextAsync(ProbeApi.CodeKind, Cancel);
        var many = await codes.NextManyAsync(ProbeApi.CodeKind, 3, Cancel);
        var none = await codes.NextManyAsync(ProbeApi.CodeKind, 0, Cancel);
        var next = await codes.NextAsync(ProbeApi.CodeKind, Cancel);

        Assert.Equal(HumanCodes.Format(ProbeApi.CodeKind, year, 1), first);
        Assert.Equal([.. Enumerable.Range(2, 3).Select(n => HumanCodes.Format(ProbeApi.CodeKind, year, n))], many);
        Assert.Empty(none);
        Assert.Equal(HumanCodes.Format(ProbeApi.CodeKind, year, 5), next);
    }

    [Fact]
    public async Task A_code_outside_a_transaction_is_refused()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var codes = scope.ServiceProvider.GetRequiredService<HumanCodes>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => codes.NextAsync(ProbeApi.CodeKind, 2026, Cancel));
    }

    [Fact]
    public async Task A_reserved_code_is_spent_even_when_its_record_is_never_stored()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var codes = scope.ServiceProvider.GetRequiredService<HumanCodes>();
        var year = scope.ServiceProvider.GetRequiredService<HospitalClock>().ToLocal(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()).Year;

        var reserved = await codes.ReserveAsync(ProbeApi.CodeKind, Cancel);
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => codes.ReserveAsync(ProbeApi.CodeKind, Cancel));
            Assert.Equal(HumanCodes.Format(ProbeApi.CodeKind, year, 2), await codes.NextAsync(ProbeApi.CodeKind, Cancel));
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Equal(HumanCodes.Format(ProbeApi.CodeKind, year, 1), reserved);
        Assert.Equal(HumanCodes.Format(ProbeApi.CodeKind, year, 2), await codes.ReserveAsync(ProbeApi.CodeKind, Cancel));
    }

    [Fact]
    public async Task Codes_reserved_by_50_writers_at_once_are_unique_and_none_is_lost()
    {
        var reserved = await Task.WhenAll(Enumerable.Range(1, 50).Select(async _ =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HumanCodes>().ReserveAsync(ProbeApi.CodeKind, Cancel);
        }));

        var year = App.Services.GetRequiredService<HospitalClock>().ToLocal(TimeProvider.System.GetUtcNow()).Year;
        Assert.Equal(Enumerable.Range(1, 50).Select(n => HumanCodes.Format(ProbeApi.CodeKind, year, n)).Order(), reserved.Order());
    }
}

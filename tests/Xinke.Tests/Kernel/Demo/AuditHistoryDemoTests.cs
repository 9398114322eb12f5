using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Demo;

/// <summary>The demo hospital's year of audit history: appended through the audit writer, so it chains and verifies like live events.</summary>
public abstract class AuditHistoryDemoTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : AuditHistoryDemoTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditHistoryDemoTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task The_history_fills_the_chain_with_a_past_year_of_working_hours_by_active_accounts_and_the_chain_verifies()
    {
        var engineer = await CreateUserAsync("zhangwei", BuiltInRoles.ItEngineer);
        var staff = await CreateUserAsync("lina", BuiltInRoles.Staff);
        var disabled = await CreateUserAsync("left.already", BuiltInRoles.Staff);
        await WithDbAsync(db => db.Set<Account>().Where(a => a.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AccountState.Disabled), Cancel));
        var before = await WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => e.Sequence, Cancel));

        await SeedAsync();

        var history = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync(Cancel));
        Assert.Equal(AuditHistoryDemoSeeder.SmallTotal, before + history.Count);
        var now = Clock.GetUtcNow().UtcDateTime;
        var zone = App.Services.GetRequiredService<HospitalClock>().Zone;
        Assert.All(history, e =>
        {
            Assert.InRange(e.OccurredAt, now.AddDays(-366), now);
            Assert.InRange(TimeZoneInfo.ConvertTimeFromUtc(e.OccurredAt, zone).Hour, 8, 17);
        });
        Assert.Equal(history.Select(e => e.OccurredAt).Order(), history.Select(e => e.OccurredAt));
        var active = await WithDbAsync(db => db.Set<Account>().Where(a => a.State == AccountState.Active).Select(a => (long?)a.Id).ToListAsync(Cancel));
        Assert.Subset(active.ToHashSet(), history.Select(e => e.ActorId).ToHashSet());
        Assert.DoesNotContain(history, e => e.ActorId == disabled.Id);
        Assert.Contains(history, e => e.Action == "login" && e.ActorId == engineer.Id && e.Changes == """{"factor":"password+totp"}""");
        Assert.Contains(history, e => e.Action == "login" && e.ActorId == staff.Id && e.Changes == """{"factor":"password"}""");
        Assert.Contains(history, e => e.Action == "logout");
        var chain = await VerifyAsync();
        Assert.True(chain.Ok, $"{chain.Fault} at {chain.FirstBadSequence}");
        Assert.Equal(AuditHistoryDemoSeeder.SmallTotal, chain.HeadSequence);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_historical_event_moved_in_time_breaks_the_chain()
    {
        await CreateUserAsync("zhangwei", BuiltInRoles.ItEngineer);
        await SeedAsync();
        var moved = await WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => e.Sequence, Cancel)) - 100;

        await WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "OccurredAt" = {Clock.GetUtcNow().UtcDateTime} WHERE "Sequence" = {moved}""", Cancel));

        var chain = await VerifyAsync();
        Assert.False(chain.Ok);
        Assert.Equal(moved, chain.FirstBadSequence);
        Assert.Equal(ChainFault.Altered, chain.Fault);
    }

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditHistoryDemoSeeder>().SeedAsync(DemoSize.Small, new Progress<string>(), Cancel);
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(0, null, null, null, Cancel);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>The owners of an obligation hear once when a period goes late and once when it is missed.</summary>
public abstract class ObligationNoticeTests(DatabaseKind kind) : IdentityTest(kind)
{
    private static readonly DateTime Midnight = new(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc);

    public sealed class OnSqlite() : ObligationNoticeTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ObligationNoticeTests(DatabaseKind.Postgres);

    [Fact]
    public async Task Every_holder_of_the_owning_role_is_told_when_a_period_goes_late_and_again_when_missed()
    {
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var engineer = await CreateUserAsync("engineer", BuiltInRoles.ItEngineer);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ObligationService>().CreateAsync(
                new ObligationInput("每日机房巡检", ["ROOM-02"], ScheduleKind.Cron, "0 0 * * *", OwnerKind.Role, BuiltInRoles.ItDirector, 24, "rooms.inspection", null, null, false, true, new DateTimeOffset(Midnight)), Cancel);
            Assert.True(created.Succeeded, created.Error?.Code);
        }

        Clock.SetUtcNow(new DateTimeOffset(Midnight.AddDays(1).AddHours(1)));
        await EvaluateAsync();
        await EvaluateAsync();
        var late = Assert.Single(await InboxAsync(director.Id));
        Assert.Equal(ObligationOverdueNotices.OverdueKind, late.Kind);
        Assert.StartsWith("逾期未完成：每日机房巡检", late.Title, StringComparison.Ordinal);
        Assert.Equal("ROOM-02", late.Body);

        Clock.SetUtcNow(new DateTimeOffset(Midnight.AddDays(2).AddHours(1)));
        await EvaluateAsync();
        var notices = await InboxAsync(director.Id);
        Assert.Contains(notices, n => n.Title.StartsWith("已错过：每日机房巡检", StringComparison.Ordinal));
        Assert.Empty(await InboxAsync(engineer.Id));
    }

    private async Task EvaluateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ObligationEvaluator>().RunAsync(Cancel);
    }

    private Task<List<InboxItem>> InboxAsync(long accountId) =>
        WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(i => i.AccountId == accountId).OrderBy(i => i.Id).ToListAsync(Cancel));
}

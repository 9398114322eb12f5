using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Jobs;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Jobs;

/// <summary>A lease is held by one instance at a time, and taken over once its holder lets it expire.</summary>
public abstract class JobLeaseTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : JobLeaseTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : JobLeaseTests(DatabaseKind.Postgres);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_held_lease_is_refused_to_another_instance_until_it_expires_then_taken_over_with_a_new_token()
    {
        await using var other = new Tests.Infrastructure.XinkeApp(App.Database, ConfigureServices);
        var first = await AcquireAsync(App, "unit:1");
        Assert.NotNull(first);

        Assert.Null(await AcquireAsync(other, "unit:1"));
        Assert.NotNull(await AcquireAsync(other, "unit:2"));
        Clock.Advance(Minute);
        var second = await AcquireAsync(other, "unit:1");

        Assert.NotNull(second);
        Assert.Equal(first!.Token + 1, second!.Token);
        Assert.NotEqual(first.Holder, second.Holder);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<JobLeases>().RenewAsync(first, Minute, Cancel));
    }

    [Fact]
    public async Task A_released_lease_can_be_taken_at_once_and_a_renewed_one_lasts()
    {
        await using var other = new Tests.Infrastructure.XinkeApp(App.Database, ConfigureServices);
        var held = await AcquireAsync(App, "unit:1");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            Clock.Advance(TimeSpan.FromSeconds(50));
            held = await leases.RenewAsync(held!, Minute, Cancel);
            Assert.NotNull(held);
            Clock.Advance(TimeSpan.FromSeconds(50));
            Assert.Null(await AcquireAsync(other, "unit:1"));
            await leases.ReleaseAsync(held!, Cancel);
        }

        Assert.NotNull(await AcquireAsync(other, "unit:1"));
    }

    [Fact]
    public async Task Of_many_instances_racing_for_one_lease_exactly_one_wins()
    {
        await using var other = new Tests.Infrastructure.XinkeApp(App.Database, ConfigureServices);
        var apps = new[] { App, other };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => AcquireAsync(apps[i % 2], "race")));

        Assert.Single(results, r => r is not null);
    }

    private static async Task<HeldLease?> AcquireAsync(Tests.Infrastructure.XinkeApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(name, Minute, Cancel);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Jobs;

namespace Xinke.Tests.Kernel.Crypto;

/// <summary>
/// A holder of the key rings that failed to renew its lease in time (a paused machine, a stalled
/// disk) has lost it to whoever took it over: its work stops at the next step instead of carrying
/// on beside the new holder, it does not give back a lease that is no longer its own, nothing it
/// finished is lost, and a later run finishes the rest.
/// </summary>
public abstract class KeyRingLeaseTests(DatabaseKind kind) : KeyRingTest(kind)
{
    private const string Taker = "another-instance key rotation";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero));

    public sealed class OnSqlite() : KeyRingLeaseTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KeyRingLeaseTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<TimeProvider>(clock);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_reencryption_whose_lease_was_taken_over_stops_keeps_what_it_did_and_a_later_run_finishes()
    {
        var people = await PeopleAsync(5);
        var oldKey = Crypto.KeyId;
        await InScopeAsync(App, r => r.RotateAsync(includeFiles: false, Cancel));
        var sealedUnderOld = await UsesAsync(oldKey);
        await using var scope = App.Services.CreateAsyncScope();
        var keyLock = scope.ServiceProvider.GetRequiredService<KeyRingLock>();
        using var midway = new ProgressGate<ReencryptionProgress>(p => p.Done > 0);

        var run = Task.Run(() => scope.ServiceProvider.GetRequiredService<KeyRotation>().ReencryptFieldsAsync(1, midway, Cancel), Cancel);
        await midway.Reached.WaitAsync(Cancel);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (keyLock.Lost.Register(() => lost.TrySetResult()))
        {
            await TakeOverAsync();
            clock.Advance(KeyRingLock.LeaseDuration / 4);
            await lost.Task.WaitAsync(TimeSpan.FromMinutes(1), Cancel);
        }

        midway.Open();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var left = await UsesAsync(oldKey);
        Assert.InRange(left, 1, sealedUnderOld - 1);
        await AssertPhonesAsync(App, people);
        var refused = await Assert.ThrowsAsync<KeyRingBusyException>(() => InScopeAsync(App, r => r.ReencryptFieldsAsync(2, null, Cancel)));
        Assert.Equal(Taker, refused.Holder);

        await App.WithDbAsync(db => db.Set<JobLease>().Where(l => l.Name == KeyRingLock.LeaseName)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, clock.GetUtcNow().UtcDateTime), Cancel));
        Assert.Equal(left, await InScopeAsync(App, r => r.ReencryptFieldsAsync(2, null, Cancel)));
        Assert.Equal(0, await UsesAsync(oldKey));
        await AssertPhonesAsync(App, people);
        Assert.Equal(1, await App.WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Action == "keys.reencrypt", Cancel)));
    }

    /// <summary>What another instance does to a lease it found expired: the row is its own from then on, under a new token.</summary>
    private Task<int> TakeOverAsync() =>
        App.WithDbAsync(db => db.Set<JobLease>().Where(l => l.Name == KeyRingLock.LeaseName).ExecuteUpdateAsync(
            u => u.SetProperty(l => l.Holder, Taker)
                .SetProperty(l => l.Token, l => l.Token + 1)
                .SetProperty(l => l.ExpiresAt, clock.GetUtcNow().UtcDateTime + KeyRingLock.LeaseDuration),
            Cancel));
}

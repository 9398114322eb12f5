using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// Makes key rotation, re-encryption, key retirement and backup exclude each other in every
/// process and instance on the database. Without it, two rotations each write the key file and
/// one new key is lost with every value it sealed; a backup taken while <c>rotate --files</c>
/// moves attachments can carry blobs under a key its ring lacks. The exclusion is a lease in the
/// database (<see cref="JobLeases"/>), not a file lock: instances on different hosts share the
/// database but not always a data folder, and the lease works the same on SQLite and PostgreSQL.
/// It is renewed while held, so a killed holder's lapses within <see cref="LeaseDuration"/>.
/// Re-entrant within one scope: a command that rotates and then re-encrypts holds it throughout.
/// </summary>
public sealed class KeyRingLock(
    JobLeases leases,
    XinkeDb db,
    IServiceScopeFactory scopes,
    ICryptoProvider crypto,
    FileCipher fileCipher,
    TimeProvider clock,
    ILogger<KeyRingLock> logger)
{
    public const string LeaseName = "keys:rings";
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private Held? held;

    /// <summary>Cancelled when the lease was lost (not renewed in time and taken over): the work must stop.</summary>
    public CancellationToken Lost => held?.Lost.Token ?? CancellationToken.None;

    /// <summary>Takes the key rings for <paramref name="doing"/> (e.g. "key rotation", "backup") and re-reads them, or refuses.</summary>
    /// <exception cref="KeyRingBusyException">Another process holds them; nothing was changed.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(string doing, CancellationToken cancellationToken)
    {
        if (held is not null)
        {
            held.Depth++;
            return new Release(this);
        }

        var lease = await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken, doing);
        if (lease is null)
        {
            var holder = await db.Set<JobLease>().AsNoTracking().Where(l => l.Name == LeaseName)
                .Select(l => new { l.Holder, l.ExpiresAt }).SingleOrDefaultAsync(cancellationToken);
            throw new KeyRingBusyException(holder?.Holder ?? "another process", holder?.ExpiresAt ?? clock.GetUtcNow().UtcDateTime);
        }

        // What another process rotated just before must be what this one works with.
        crypto.Ring?.Refresh();
        fileCipher.Ring?.Refresh();
        var lost = new CancellationTokenSource();
        held = new Held(lease, lost, RenewAsync(lease, lost));
        logger.LogInformation("Key rings taken for {Doing}", doing);
        return new Release(this);
    }

    private async Task RenewAsync(HeldLease lease, CancellationTokenSource lost)
    {
        // Its own scope: the holder's context is busy with the work itself.
        await using var scope = scopes.CreateAsyncScope();
        var renewing = scope.ServiceProvider.GetRequiredService<JobLeases>();
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 4, clock, lost.Token);
                if (await renewing.RenewAsync(lease, LeaseDuration, lost.Token) is null)
                {
                    logger.LogError("The key ring lease was lost; the work under it stops");
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Released, or lost and already reported.
        }
    }

    private async ValueTask ReleaseAsync()
    {
        if (held is not { } current || --current.Depth > 0)
        {
            return;
        }

        held = null;
        await current.Lost.CancelAsync();
        await current.Renewal;
        current.Lost.Dispose();
        await leases.ReleaseAsync(current.Lease, CancellationToken.None);
    }

    private sealed class Held(HeldLease lease, CancellationTokenSource lost, Task renewal)
    {
        public HeldLease Lease { get; } = lease;

        public CancellationTokenSource Lost { get; } = lost;

        public Task Renewal { get; } = renewal;

        public int Depth { get; set; } = 1;
    }

    private sealed class Release(KeyRingLock owner) : IAsyncDisposable
    {
        private bool released;

        public ValueTask DisposeAsync()
        {
            if (released)
            {
                return ValueTask.CompletedTask;
            }

            released = true;
            return owner.ReleaseAsync();
        }
    }
}

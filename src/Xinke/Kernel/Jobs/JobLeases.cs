using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Jobs;

/// <summary>
/// Leases in the database, so that several instances on one database run each unit of work
/// once. Taking a lease is one statement — insert, or take over a row whose lease has expired —
/// which both SQLite (one writer at a time) and PostgreSQL (row lock, re-checked condition) run
/// atomically; whoever gets no row back does not hold the lease.
/// </summary>
public sealed class JobLeases(XinkeDb db, JobInstance instance, TimeProvider clock)
{
    public const string Table = "JobLeases";

    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="duration"/> if it is free or its holder's lease expired;
    /// <paramref name="doing"/> is added to the holder so that whoever is refused can be told what runs.
    /// </summary>
    public async Task<HeldLease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken, string? doing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > JobLease.NameMaxLength || duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Lease '{name}' is too long a name or has no duration.", nameof(name));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        var holder = doing is null ? instance.Id : $"{instance.Id} {doing}";
        holder = holder[..Math.Min(holder.Length, JobLease.HolderMaxLength)];
        var tokens = await db.Database.SqlQuery<long>($"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAt", "Token") VALUES ({name}, {holder}, {expires}, 1)
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt", "Token" = "JobLeases"."Token" + 1
            WHERE "JobLeases"."ExpiresAt" <= {now}
            RETURNING "Token" AS "Value"
            """).ToListAsync(cancellationToken);
        return tokens.Count == 1 ? new HeldLease(name, holder, tokens[0], expires) : null;
    }

    /// <summary>
    /// Extends a held lease; null when it was lost (expired and taken over). Called inside the
    /// transaction that commits the unit's work, it also fences that commit: on PostgreSQL the
    /// row stays locked until the commit, so no one can take the lease over in between.
    /// </summary>
    public async Task<HeldLease?> RenewAsync(HeldLease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var expires = clock.GetUtcNow().UtcDateTime + duration;
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE "JobLeases" SET "ExpiresAt" = {expires}
            WHERE "Name" = {lease.Name} AND "Holder" = {lease.Holder} AND "Token" = {lease.Token}
            """, cancellationToken);
        return updated == 1 ? lease with { ExpiresAt = expires } : null;
    }

    /// <summary>Gives a held lease back at once, so another instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "JobLeases" SET "ExpiresAt" = {now}
            WHERE "Name" = {lease.Name} AND "Holder" = {lease.Holder} AND "Token" = {lease.Token}
            """, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the lease <paramref name="name"/> if it can be taken,
    /// and gives the lease back afterwards; false when another instance holds it.
    /// </summary>
    public async Task<bool> RunExclusiveAsync(string name, TimeSpan duration, Func<HeldLease, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lease = await TryAcquireAsync(name, duration, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        try
        {
            await work(lease, cancellationToken);
        }
        finally
        {
            // Given back even when the work failed: the next run retries it.
            await ReleaseAsync(lease, CancellationToken.None);
        }

        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Notifications;

/// <summary>Names this instance in the claims it takes on outbox messages.</summary>
public sealed record DeliveryInstance(string Name)
{
    public static DeliveryInstance New()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return new(name.Length <= 100 ? name : name[^100..]);
    }
}

/// <summary>
/// One delivery pass over the outbox. Each due message is claimed by a conditional update (only
/// one instance's update can succeed), sent, and settled only while the claim is still this
/// instance's: a message whose claim expired (a dead instance) is taken over by another, and a
/// message settled as delivered is never sent again.
/// </summary>
public sealed class OutboxDelivery(XinkeDb db, IEnumerable<IChannelSender> senders, IOptions<NotificationOptions> options, TimeProvider clock, DeliveryInstance instance, ILogger<OutboxDelivery> log)
{
    /// <summary>Delivers what is due now; returns how many messages were acknowledged.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, now.AddSeconds(settings.ClaimSeconds), cancellationToken) && await SendAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> ClaimAsync(long id, DateTime now, DateTime until, CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.State == OutboxState.Pending && (m.ClaimExpiresAt == null || m.ClaimExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance.Name).SetProperty(m => m.ClaimExpiresAt, until), cancellationToken) == 1;

    private async Task<bool> SendAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var sender = senders.FirstOrDefault(s => s.Handles(message.Channel));
        var error = sender is null ? $"No sender handles {message.Channel}." : await sender.SendAsync(message, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var mine = db.Set<OutboxMessage>().Where(m => m.Id == id && m.ClaimedBy == instance.Name);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Delivered).SetProperty(m => m.DeliveredAt, now).SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimExpiresAt, (DateTime?)null).SetProperty(m => m.LastError, (string?)null),
                cancellationToken);
            return true;
        }

        var settings = options.Value;
        var failed = attempts >= settings.MaxAttempts;
        var retryAt = now.AddSeconds(settings.RetryAfterSeconds * Math.Pow(2, attempts - 1));
        var clipped = error.Length <= OutboxMessage.ErrorMaxLength ? error : error[..OutboxMessage.ErrorMaxLength];
        await mine.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, failed ? OutboxState.Failed : OutboxState.Pending).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, clipped)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimExpiresAt, (DateTime?)null),
            cancellationToken);
        if (failed)
        {
            log.LogWarning("Outbox message {MessageId} ({Channel} to {Destination}) failed after {Attempts} attempts: {Error}", message.Id, message.Channel, message.Destination, attempts, clipped);
        }

        return false;
    }
}

namespace Xinke.Kernel.Notifications;

/// <summary>Sends one outbox message over one kind of channel; returns null once the channel acknowledged it, else why not.</summary>
public interface IChannelSender
{
    bool Handles(Channel channel);

    Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

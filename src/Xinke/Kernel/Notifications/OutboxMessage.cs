namespace Xinke.Kernel.Notifications;

public enum OutboxState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// A message waiting for delivery, written in the transaction of the event that causes it. A
/// worker claims it (a lease: <see cref="ClaimedBy"/> until <see cref="ClaimExpiresAt"/>), sends
/// it, and marks it delivered once the channel acknowledged it; a failed attempt waits with
/// back-off; after the last attempt it is <see cref="OutboxState.Failed"/> and shown to the
/// system administrator with its error.
/// </summary>
[Audit.NotAudited("Delivery bookkeeping; the event that caused the message is audited, and failures are shown to the system administrator.")]
public sealed class OutboxMessage
{
    public const int DestinationMaxLength = 254;
    public const int SubjectMaxLength = 200;
    public const int ErrorMaxLength = 1000;

    public long Id { get; set; }

    /// <summary>Sent with the message (the e-mail's Message-ID) so a receiver can recognise a repeat.</summary>
    public Guid MessageId { get; set; }

    public Channel Channel { get; set; }

    /// <summary>An e-mail address, or the name of a configured robot.</summary>
    public required string Destination { get; set; }

    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimExpiresAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

namespace Xinke.Kernel.Notifications;

/// <summary>A notification in a person's in-app inbox.</summary>
[Audit.NotAudited("A copy of an event that is itself audited; reading it is not a change of record.")]
public sealed class InboxItem
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;
    public const int LinkMaxLength = 400;

    public long Id { get; set; }

    public long AccountId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

namespace Xinke.Kernel.Notifications;

/// <summary>A person's choice for one kind of notification: in the inbox, by e-mail, both or neither.</summary>
public sealed class NotificationPreference
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public required string Kind { get; set; }

    public bool InApp { get; set; } = true;

    public bool Email { get; set; }
}

/// <summary>Where a person receives e-mail notifications.</summary>
public sealed class NotificationContact
{
    public const int EmailMaxLength = 254;

    public long AccountId { get; set; }

    public string? Email { get; set; }
}

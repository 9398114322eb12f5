namespace Xinke.Modules.Access.Policy;

public enum FlagReason
{
    /// <summary>No log-in for the policy's inactive days.</summary>
    Inactive,

    /// <summary>The account's person has left the hospital.</summary>
    Left,
}

/// <summary>An account the daily policy found idle or belonging to a leaver, and what it did about it.</summary>
public sealed class AccountFlag
{
    public const int NoteMaxLength = 64;

    public long Id { get; set; }

    public long AccountId { get; set; }

    public FlagReason Reason { get; set; }

    public DateTime FlaggedAt { get; set; }

    /// <summary>When the policy disabled the account; null when the policy only flags, or was refused.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>Why the account was not disabled (the kernel's refusal code), when it was not.</summary>
    public string? Note { get; set; }
}

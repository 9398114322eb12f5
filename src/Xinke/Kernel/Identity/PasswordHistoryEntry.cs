using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>The hash of a password an account has used; the policy refuses the last few again.</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    [Secret]

    public required string PasswordHash { get; set; }

    public DateTime ChangedAt { get; set; }
}

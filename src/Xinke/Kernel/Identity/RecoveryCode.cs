using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>A one-time MFA recovery code, stored as a hash; it is spent when used.</summary>
public sealed class RecoveryCode
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    [Secret]

    public required string CodeHash { get; set; }

    public DateTime? UsedAt { get; set; }
}

using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>
/// A personal access token for scripts. Only the SHA-256 of the secret is stored. Its
/// permissions are a ceiling: at each use they are cut down to what the owner holds then.
/// </summary>
public sealed class AccessToken
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }

    public long AccountId { get; set; }

    public required string Name { get; set; }

    [Secret]

    public required string SecretHash { get; set; }

    /// <summary>The permissions asked for; empty means "whatever the owner holds".</summary>
    public List<string> Permissions { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

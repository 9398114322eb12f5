using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>
/// A successful login and the session it opened: the login record (when, from where, which
/// factor), and the server-side state that ends the session when idle, too old, or signed out.
/// </summary>
[NotAudited("Recorded as the login and logout security events; its last-seen stamp moves on every request.")]
public sealed class LoginSession
{
    public long Id { get; set; }

    /// <summary>The random key the cookie carries; the row, not the cookie, decides whether the session lives.</summary>
    public required string Key { get; set; }

    public long AccountId { get; set; }

    public required string Factor { get; set; }

    public string? Address { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public DateTime? PreviousLoginAt { get; set; }

    public string? PreviousLoginAddress { get; set; }

    public int FailuresBefore { get; set; }
}

using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>A data-protection key, kept in the database so every instance reads the same key ring.</summary>
[NotAudited("Written by the framework's synchronous key manager; key material must never reach the audit trail, and the ring itself shows each key's creation.")]
public sealed class StoredKey
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>A data-protection key, kept in the database so every instance reads the same key ring.</summary>
public sealed class StoredKey
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    [Secret]

    public required string Xml { get; set; }
}

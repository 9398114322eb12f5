namespace Xinke.Kernel.Evidence.Tuning;

/// <summary>
/// A framework the IT director imported, as the file was given (the same JSON format as the shipped
/// ones). A re-import of the same code is a new version; the old ones are kept, the newest counts.
/// </summary>
public sealed class ImportedFramework
{
    public const int CodeMaxLength = 64;

    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>1 for the first import of a code, then one more for each re-import.</summary>
    public int Version { get; set; }

    /// <summary>The version the file itself declares (an edition year, a revision).</summary>
    public required string DeclaredVersion { get; set; }

    public required string Content { get; set; }

    public long ImportedById { get; set; }

    public DateTime ImportedAt { get; set; }
}

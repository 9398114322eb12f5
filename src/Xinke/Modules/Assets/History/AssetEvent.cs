namespace Xinke.Modules.Assets.History;

/// <summary>
/// One entry of an asset's timeline: a movement, assignment, status change, maintenance, repair,
/// loan or an engineer's journal note. Entries are never edited; a correction is a new note.
/// </summary>
public sealed class AssetEvent
{
    public const int TextMaxLength = 2000;
    public const int RefKindMaxLength = 40;

    public long Id { get; set; }

    public long AssetId { get; set; }

    public DateTime At { get; set; }

    public AssetEventKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>Who did it; null for the system itself (an import run by the CLI, a job).</summary>
    public long? ActorAccountId { get; set; }

    /// <summary>The kind of record that caused the event (<c>loan</c>, <c>repair</c>, <c>stocktake</c>), with <see cref="RefId"/>.</summary>
    public string? RefKind { get; set; }

    public long? RefId { get; set; }
}

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// The text of a published article as it stood before an edit replaced it: what staff were
/// told, and by whom, stays on record.
/// </summary>
public sealed class KnowledgeRevision
{
    public long Id { get; set; }

    public long ArticleId { get; set; }

    /// <summary>The article's revision number this text carried (1 is the first published text).</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    public string? Tags { get; set; }

    /// <summary>Who wrote this text, and when it was written.</summary>
    public long? EditedById { get; set; }

    public DateTime EditedAt { get; set; }

    /// <summary>When the next edit replaced it.</summary>
    public DateTime SupersededAt { get; set; }
}

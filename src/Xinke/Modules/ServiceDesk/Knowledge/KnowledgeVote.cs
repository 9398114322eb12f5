namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>One reader's "did this help me" on an article: one vote per reader, changed by voting again.</summary>
public sealed class KnowledgeVote
{
    public long Id { get; set; }

    public long ArticleId { get; set; }

    public long AccountId { get; set; }

    public bool Helpful { get; set; }

    public DateTime VotedAt { get; set; }
}

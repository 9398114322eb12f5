namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>An article as the API returns it; <see cref="BodyHtml"/> is the rendered, sanitised body.</summary>
public sealed record KnowledgeArticleDto(
    long Id,
    string Code,
    string Title,
    string? Summary,
    string BodyMarkdown,
    string? BodyHtml,
    long? CategoryId,
    long? SystemId,
    IReadOnlyList<string> Tags,
    KnowledgeStatus Status,
    long? SourceTicketId,
    long AuthorId,
    long? ReviewerId,
    DateTime? PublishedAt,
    DateTime? ArchivedAt,
    int Revision,
    long Views,
    int HelpfulVotes,
    int UnhelpfulVotes,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version)
{
    public static KnowledgeArticleDto From(KnowledgeArticle a, string? html = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.Id,
            a.Code,
            a.Title,
            a.Summary,
            a.BodyMarkdown,
            html,
            a.CategoryId,
            a.SystemId,
            a.TagList,
            a.Status,
            a.SourceTicketId,
            a.AuthorId,
            a.ReviewerId,
            a.PublishedAt,
            a.ArchivedAt,
            a.Revision,
            a.Views,
            a.HelpfulVotes,
            a.UnhelpfulVotes,
            a.CreatedAt,
            a.UpdatedAt,
            a.Version);
    }
}

public sealed record KnowledgeRevisionDto(int Number, string Title, string? Summary, string BodyMarkdown, IReadOnlyList<string> Tags, long? EditedById, DateTime EditedAt, DateTime SupersededAt)
{
    public static KnowledgeRevisionDto From(KnowledgeRevision r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Number, r.Title, r.Summary, r.BodyMarkdown, r.Tags is null ? [] : r.Tags.Split(','), r.EditedById, r.EditedAt, r.SupersededAt);
    }
}

public sealed record VoteInput(bool? Helpful);

/// <summary>The knowledge base's filters besides the list's own: <c>?status=&amp;systemId=&amp;categoryId=&amp;tag=</c>.</summary>
public sealed record KnowledgeFilter(string? Status = null, long? SystemId = null, long? CategoryId = null, string? Tag = null);

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>Every editable field of an article, as the API's body, the editor form and a merge patch carry it.</summary>
public sealed record KnowledgeInput(
    string? Title,
    string? Summary,
    string? BodyMarkdown,
    long? CategoryId = null,
    long? SystemId = null,
    IReadOnlyList<string>? Tags = null)
{
    public static KnowledgeInput From(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Title, article.Summary, article.BodyMarkdown, article.CategoryId, article.SystemId, article.TagList);
    }
}

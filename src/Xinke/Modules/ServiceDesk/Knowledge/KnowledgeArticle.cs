using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// A knowledge-base article (知识库): how a known problem shows itself and how it is solved, in
/// Markdown. Drafts are the engineers'; published articles are what staff read before filing a
/// ticket; archived ones are kept but no longer shown. An edit of a published article keeps the
/// text it replaces as a <see cref="KnowledgeRevision"/>.
/// </summary>
public sealed class KnowledgeArticle : IVersioned
{
    public const string CodeKind = "KB";
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 20_000;
    public const int TagMaxLength = 30;
    public const int MaxTags = 10;
    public const int TagsMaxLength = MaxTags * (TagMaxLength + 1);

    public long Id { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public required string BodyMarkdown { get; set; }

    /// <summary>A ticket category of the service desk, when the article answers one.</summary>
    public long? CategoryId { get; set; }

    /// <summary>The information system the article is about, from the register.</summary>
    public long? SystemId { get; set; }

    /// <summary>Tags joined by commas, each trimmed and unique.</summary>
    public string? Tags { get; set; }

    public KnowledgeStatus Status { get; set; }

    /// <summary>The resolved ticket the article was written from.</summary>
    public long? SourceTicketId { get; set; }

    public long AuthorId { get; set; }

    /// <summary>Who published it: the engineer who checked the text before staff saw it.</summary>
    public long? ReviewerId { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    /// <summary>The number of the current text; it goes up when a published article is edited.</summary>
    public int Revision { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public long? UpdatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>How often the article was opened; counted outside the version, so reading never conflicts with editing.</summary>
    public long Views { get; set; }

    public int HelpfulVotes { get; set; }

    public int UnhelpfulVotes { get; set; }

    /// <summary>
    /// Title, summary, tags and body in one column: what the trigram indexes cover (the SQLite FTS5
    /// table mirrors it by trigger, the PostgreSQL GIN index is on it).
    /// </summary>
    public string SearchText { get; set; } = string.Empty;

    public long Version { get; set; }

    public IReadOnlyList<string> TagList => Tags is null ? [] : Tags.Split(',');

    /// <summary>
    /// Takes the fields of <paramref name="input"/> after checking them. An edit of a published
    /// article returns the text it replaced, to be kept; an archived article is no longer edited.
    /// </summary>
    public Result<KnowledgeRevision?> Apply(KnowledgeInput input, long editorId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status == KnowledgeStatus.Archived)
        {
            return Error.Conflict(KnowledgeErrors.Archived);
        }

        var title = Blank(input.Title);
        if (title is null || title.Length > TitleMaxLength)
        {
            return Error.Invalid(KnowledgeErrors.InvalidTitle, "title", TitleMaxLength);
        }

        var summary = Blank(input.Summary);
        if (summary?.Length > SummaryMaxLength)
        {
            return Error.Invalid(KnowledgeErrors.InvalidSummary, "summary", SummaryMaxLength);
        }

        var body = input.BodyMarkdown?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > BodyMaxLength)
        {
            return Error.Invalid(KnowledgeErrors.InvalidBody, "bodyMarkdown", BodyMaxLength);
        }

        if (!TryNormalizeTags(input.Tags, out var tags))
        {
            return Error.Invalid(KnowledgeErrors.InvalidTags, "tags", MaxTags, TagMaxLength);
        }

        KnowledgeRevision? replaced = null;
        var changed = title != Title || summary != Summary || body != BodyMarkdown || tags != Tags;
        if (Status == KnowledgeStatus.Published && changed)
        {
            replaced = new KnowledgeRevision
            {
                ArticleId = Id,
                Number = Revision,
                Title = Title,
                Summary = Summary,
                BodyMarkdown = BodyMarkdown,
                Tags = Tags,
                EditedById = UpdatedById,
                EditedAt = UpdatedAt,
                SupersededAt = now,
            };
            Revision++;
        }

        Title = title;
        Summary = summary;
        BodyMarkdown = body;
        Tags = tags;
        CategoryId = input.CategoryId;
        SystemId = input.SystemId;
        UpdatedById = editorId;
        UpdatedAt = now;
        SearchText = string.Join('\n', new[] { title, summary, tags?.Replace(',', ' '), body }.Where(s => s is not null));
        return Result<KnowledgeRevision?>.Success(replaced);
    }

    /// <summary>Shows the article to staff; the publisher is its reviewer.</summary>
    public Error? Publish(long reviewerId, DateTime now)
    {
        if (Status == KnowledgeStatus.Published)
        {
            return Error.Conflict(KnowledgeErrors.AlreadyPublished);
        }

        Status = KnowledgeStatus.Published;
        ReviewerId = reviewerId;
        PublishedAt = now;
        ArchivedAt = null;
        return null;
    }

    /// <summary>Takes a published article out of the staff's sight; it stays on record and can be published again.</summary>
    public Error? Archive(DateTime now)
    {
        if (Status != KnowledgeStatus.Published)
        {
            return Error.Conflict(KnowledgeErrors.NotPublished);
        }

        Status = KnowledgeStatus.Archived;
        ArchivedAt = now;
        return null;
    }

    /// <summary>Tags trimmed, de-duplicated and joined (null for none); false when one is too long, holds a comma, or there are too many.</summary>
    public static bool TryNormalizeTags(IReadOnlyList<string>? tags, out string? joined)
    {
        var list = (tags ?? []).Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        joined = list.Count == 0 ? null : string.Join(',', list);
        return list.Count <= MaxTags && !list.Any(t => t.Length > TagMaxLength || t.Contains(',', StringComparison.Ordinal));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

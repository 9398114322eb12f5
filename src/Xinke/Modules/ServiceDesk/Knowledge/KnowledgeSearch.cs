using Markdig;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// Full-text search in Chinese, where words are not separated by spaces: trigram indexes find
/// any run of three or more characters anywhere in an article. On SQLite the FTS5 table
/// <c>KnowledgeSearch</c> (tokenizer <c>trigram</c>) mirrors <see cref="KnowledgeArticle.SearchText"/>
/// through triggers the migration creates, so every write (the service's or anyone's) keeps it in
/// step inside the same transaction; on PostgreSQL a GIN <c>gin_trgm_ops</c> index on the column
/// serves <c>ILIKE '%…%'</c>, and <c>word_similarity</c> ranks. Terms of one or two characters
/// (网络) are below a trigram: they fall back to <c>LIKE</c>. Every query is parameterised.
/// </summary>
public sealed class KnowledgeSearch(XinkeDb db)
{
    public const string FtsTable = "KnowledgeSearch";
    public const int TrigramLength = 3;
    public const int MaxTerms = 8;
    public const int MaxTrigrams = 40;
    private const int SnippetContext = 40;

    private bool IsPostgres => XinkeModel.KindOf(db.Database.ProviderName ?? string.Empty) == DatabaseKind.Postgres;

    /// <summary>The query's terms: split at white space, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        [.. (q ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms)];

    /// <summary>
    /// What must match: every term (a search), or any run of three characters of what was typed (a
    /// ticket title as the reporter words it, 打印机又卡纸了, still finds 门诊打印机卡纸).
    /// </summary>
    public static IReadOnlyList<string> Needles(string? q, KnowledgeMatch match)
    {
        var terms = Terms(q);
        if (match == KnowledgeMatch.AllTerms || !terms.Any(t => t.Length >= TrigramLength))
        {
            return terms;
        }

        return [.. terms.Where(t => t.Length >= TrigramLength)
            .SelectMany(t => Enumerable.Range(0, t.Length - TrigramLength + 1).Select(i => t.Substring(i, TrigramLength)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTrigrams)];
    }

    /// <summary>The articles of <paramref name="articles"/> that hold every term of <paramref name="q"/> (or any of its trigrams).</summary>
    public IQueryable<KnowledgeArticle> Matching(IQueryable<KnowledgeArticle> articles, string? q, KnowledgeMatch match = KnowledgeMatch.AllTerms)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var needles = Needles(q, match);
        var any = match == KnowledgeMatch.AnyTrigram && needles.All(n => n.Length >= TrigramLength);
        if (needles.Count == 0)
        {
            return articles;
        }

        if (IsPostgres)
        {
            if (any)
            {
                var patterns = needles.Select(LikePattern).ToArray();
                var found = db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "KnowledgeArticles" WHERE "SearchText" ILIKE ANY ({patterns})""");
                return articles.Where(a => found.Contains(a.Id));
            }

            foreach (var needle in needles)
            {
                var pattern = LikePattern(needle);
                articles = articles.Where(a => EF.Functions.ILike(a.SearchText, pattern, "\\"));
            }

            return articles;
        }

        if (FtsExpression(needles, any) is { } expression)
        {
            var ids = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "KnowledgeSearch" WHERE "KnowledgeSearch" MATCH {expression}""");
            articles = articles.Where(a => ids.Contains(a.Id));
        }

        // Below a trigram the FTS5 index cannot help: a plain LIKE over the column (ASCII case-insensitive, as FTS5 is).
        foreach (var needle in needles.Where(t => t.Length < TrigramLength))
        {
            var pattern = LikePattern(needle);
            articles = articles.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
        }

        return articles;
    }

    /// <summary>The best <paramref name="limit"/> matches, most relevant first, each with a snippet around the first term found.</summary>
    public async Task<IReadOnlyList<KnowledgeHit>> RankedAsync(IQueryable<KnowledgeArticle> articles, string? q, int limit, CancellationToken cancellationToken, KnowledgeMatch match = KnowledgeMatch.AllTerms)
    {
        var needles = Needles(q, match);
        if (needles.Count == 0)
        {
            return [];
        }

        var matching = Matching(articles, q, match);
        var ranks = Ranks(needles, match == KnowledgeMatch.AnyTrigram);
        var rows = ranks is null
            ? await matching.OrderByDescending(a => a.HelpfulVotes).ThenByDescending(a => a.Views).ThenByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Code, a.Title, a.Summary, a.BodyMarkdown, a.Status, a.HelpfulVotes, a.Views, Rank = 0.0 })
                .Take(limit).ToListAsync(cancellationToken)
            : await (from a in matching
                     join r in ranks on a.Id equals r.Id
                     orderby r.Rank descending, a.HelpfulVotes descending, a.Id descending
                     select new { a.Id, a.Code, a.Title, a.Summary, a.BodyMarkdown, a.Status, a.HelpfulVotes, a.Views, r.Rank })
                .Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new KnowledgeHit(r.Id, r.Code, r.Title, r.Summary, r.Status, r.HelpfulVotes, r.Views, Snippet(r.Title, r.Summary, r.BodyMarkdown, needles)))];
    }

    /// <summary>
    /// The passage around the first needle found in the summary or the body (as plain text), or else
    /// in the title, split so a page can mark the needle without writing HTML from the article.
    /// </summary>
    public static KnowledgeSnippet Snippet(string title, string? summary, string bodyMarkdown, IReadOnlyList<string> needles)
    {
        ArgumentNullException.ThrowIfNull(needles);
        var text = Collapse(string.Join(' ', summary, Markdown.ToPlainText(bodyMarkdown ?? string.Empty)));
        return Around(text, needles) ?? Around(title ?? string.Empty, needles) ?? new KnowledgeSnippet(text.Length > 2 * SnippetContext ? text[..(2 * SnippetContext)] + "…" : text, string.Empty, string.Empty);
    }

    private static KnowledgeSnippet? Around(string text, IReadOnlyList<string> needles)
    {
        foreach (var needle in needles)
        {
            var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var start = Math.Max(0, at - SnippetContext);
                var end = Math.Min(text.Length, at + needle.Length + SnippetContext);
                return new KnowledgeSnippet(
                    (start > 0 ? "…" : string.Empty) + text[start..at],
                    text.Substring(at, needle.Length),
                    text[(at + needle.Length)..end] + (end < text.Length ? "…" : string.Empty));
            }
        }

        return null;
    }

    private IQueryable<SearchRank>? Ranks(IReadOnlyList<string> needles, bool any)
    {
        if (IsPostgres)
        {
            // How many of the needles the text holds, then how close the words come: locale-independent and cheap on the few rows that match.
            var patterns = needles.Select(LikePattern).ToArray();
            var text = string.Join(' ', needles);
            return db.Database.SqlQuery<SearchRank>($"""
                SELECT "Id", (SELECT count(*) FROM unnest({patterns}) AS p(pattern) WHERE "SearchText" ILIKE p.pattern)::float8 + word_similarity({text}, "SearchText")::float8 AS "Rank"
                FROM "KnowledgeArticles"
                """);
        }

        // bm25 is lower for better matches; negated so that both providers rank higher-is-better.
        return FtsExpression(needles, any) is { } expression
            ? db.Database.SqlQuery<SearchRank>($"""SELECT rowid AS "Id", -bm25("KnowledgeSearch") AS "Rank" FROM "KnowledgeSearch" WHERE "KnowledgeSearch" MATCH {expression}""")
            : null;
    }

    /// <summary>An FTS5 query of the needles long enough for a trigram, each a quoted phrase (so no FTS5 syntax in the user's text counts); null when there is none.</summary>
    private static string? FtsExpression(IReadOnlyList<string> needles, bool any)
    {
        var phrases = needles.Where(t => t.Length >= TrigramLength).Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").ToList();
        return phrases.Count == 0 ? null : string.Join(any ? " OR " : " AND ", phrases);
    }

    private static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A relevance row of the raw ranking query.</summary>
    public sealed class SearchRank
    {
        public long Id { get; set; }

        public double Rank { get; set; }
    }
}

/// <summary>How a query matches: every term (the search box), or any trigram of it (suggestions while a ticket title is typed).</summary>
public enum KnowledgeMatch
{
    AllTerms,
    AnyTrigram,
}

/// <summary>One search result: enough to list it and show why it matched.</summary>
public sealed record KnowledgeHit(long Id, string Code, string Title, string? Summary, KnowledgeStatus Status, int HelpfulVotes, long Views, KnowledgeSnippet Snippet);

/// <summary>The text before the matched term, the term as written in the article, and the text after it.</summary>
public sealed record KnowledgeSnippet(string Before, string Match, string After);

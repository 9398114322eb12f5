using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

namespace Xinke.Modules.ServiceDesk.Knowledge;

/// <summary>
/// Turns an article's Markdown into HTML a page may show: Markdig renders it (tables, fenced
/// code, task lists), then the sanitizer keeps only harmless elements and attributes, so raw
/// HTML in the Markdown cannot run script (no <c>&lt;script&gt;</c>, no <c>on…=</c> handlers, no
/// <c>javascript:</c> links). The result is cached per article version: a version changes with
/// every edit, so a cached text is never stale.
/// </summary>
public sealed class KnowledgeMarkdown(IMemoryCache cache)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Sanitised HTML of any Markdown (the editor's preview uses it too).</summary>
    public static string Render(string markdown) => NewSanitizer().Sanitize(Markdown.ToHtml(markdown ?? string.Empty, Pipeline));

    public string RenderArticle(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return cache.GetOrCreate(("kb.html", article.Id, article.Version), entry =>
        {
            entry.SlidingExpiration = Lifetime;
            entry.Size = article.BodyMarkdown.Length;
            return Render(article.BodyMarkdown);
        })!;
    }

    // One per call: the sanitizer is not documented as safe for concurrent use.
    private static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }
}

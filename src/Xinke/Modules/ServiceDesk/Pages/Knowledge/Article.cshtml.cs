using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk.Pages.Knowledge;

/// <summary>One article, rendered; readers say whether it helped, writers publish, archive and see earlier texts.</summary>
[RequirePermission(ServiceDeskPermissions.KbRead)]
public sealed class ArticleModel(KnowledgeBase kb, KnowledgeMarkdown markdown, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public KnowledgeArticleDto? Record { get; private set; }

    /// <summary>The body as sanitised HTML: the only text of the page written unencoded.</summary>
    public string Html { get; private set; } = string.Empty;

    public IReadOnlyList<KnowledgeRevisionDto> Revisions { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await kb.CountViewAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostVoteAsync(long id, bool helpful, CancellationToken cancellationToken) =>
        RespondAsync(id, kb.VoteAsync(id, helpful, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(long id, long? expectedVersion, CancellationToken cancellationToken) =>
        await kb.CanWriteAsync(cancellationToken) ? await RespondAsync(id, kb.PublishAsync(id, Expect(expectedVersion), cancellationToken), cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostArchiveAsync(long id, long? expectedVersion, CancellationToken cancellationToken) =>
        await kb.CanWriteAsync(cancellationToken) ? await RespondAsync(id, kb.ArchiveAsync(id, Expect(expectedVersion), cancellationToken), cancellationToken) : Forbid();

    private static KnowledgePrecondition Expect(long? version) =>
        a => a.Version == version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    private async Task<IActionResult> RespondAsync(long id, Task<Result<KnowledgeArticle>> change, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (changed.Succeeded)
        {
            return Redirect($"/servicedesk/kb/{id}");
        }

        if (changed.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[changed.Error.Code, changed.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var article = await kb.FindAsync(id, cancellationToken);
        if (article is null)
        {
            return false;
        }

        CanWrite = await kb.CanWriteAsync(cancellationToken);
        Html = markdown.RenderArticle(article);
        Record = KnowledgeArticleDto.From(article, Html);
        if (CanWrite)
        {
            Revisions = [.. (await kb.RevisionsAsync(id, cancellationToken)).Select(KnowledgeRevisionDto.From)];
        }

        return true;
    }
}

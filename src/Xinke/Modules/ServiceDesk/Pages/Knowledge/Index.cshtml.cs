using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk.Pages.Knowledge;

/// <summary>
/// The knowledge base: with a search text, the best matches with the passage that matched; without
/// one, the articles page by page. Staff see published articles only.
/// </summary>
[RequirePermission(ServiceDeskPermissions.KbRead)]
public sealed class IndexModel(KnowledgeBase kb) : PageModel
{
    public const int SearchLimit = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public KnowledgeStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public Page<KnowledgeArticleDto> Articles { get; private set; } = new([], null);

    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public bool CanWrite { get; private set; }

    /// <summary>The filters as a query string (with its <c>?</c>, or empty), for paging and export links.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = await kb.CanWriteAsync(cancellationToken);
        var q = Q?.Length > ListRequest.MaxQueryLength ? Q[..ListRequest.MaxQueryLength] : Q;
        var query = await KnowledgeApi.QueryAsync(kb, new KnowledgeFilter(CanWrite ? Status?.ToString() : null), null, cancellationToken);
        if (Searching)
        {
            Hits = await kb.Search.RankedAsync(query.Value!, q, SearchLimit, cancellationToken);
        }
        else
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await KnowledgeApi.List.PageAsync(query.Value!, request, a => KnowledgeArticleDto.From(a), cancellationToken);
            if (!page.Succeeded)
            {
                // A stale or foreign cursor starts the list again rather than failing the page.
                page = await KnowledgeApi.List.PageAsync(query.Value!, request with { Cursor = null }, a => KnowledgeArticleDto.From(a), cancellationToken);
            }

            Articles = page.Value!;
        }

        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = q,
            ["status"] = CanWrite ? Status?.ToString() : null,
        }.Where(p => p.Value is not null)).ToString();
    }
}

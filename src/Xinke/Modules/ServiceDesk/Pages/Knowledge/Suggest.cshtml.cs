using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk.Pages.Knowledge;

/// <summary>
/// "Search before you file": the published articles matching what the caller is typing as a
/// ticket's title, as a bare HTML fragment that <c>kb-suggest.js</c> places under the field.
/// Writers see published articles here too: a suggestion is what the reporter would read.
/// </summary>
[RequirePermission(ServiceDeskPermissions.KbRead)]
public sealed class SuggestModel(KnowledgeBase kb) : PageModel
{
    public const int Limit = 5;

    /// <summary>Shorter texts match too much to help.</summary>
    public const int MinimumLength = 2;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Hits = await FindAsync(kb, Q, cancellationToken);
        return Page();
    }

    /// <summary>The published articles matching <paramref name="text"/>; none for a text too short or too long to search.</summary>
    public static async Task<IReadOnlyList<KnowledgeHit>> FindAsync(KnowledgeBase kb, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var q = text?.Trim();
        if (q is not { Length: >= MinimumLength and <= Kernel.Data.Paging.ListRequest.MaxQueryLength })
        {
            return [];
        }

        var published = (await kb.VisibleAsync(cancellationToken)).Where(a => a.Status == KnowledgeStatus.Published);
        return await kb.Search.RankedAsync(published, q, Limit, cancellationToken, KnowledgeMatch.AnyTrigram);
    }
}

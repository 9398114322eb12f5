using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.ServiceDesk.Knowledge;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Pages.Knowledge;

/// <summary>
/// Writes a new draft or edits an article: a Markdown textarea and a preview rendered on the
/// server exactly as readers will see it. The version the form was drawn from must still be current.
/// </summary>
[RequirePermission(ServiceDeskPermissions.KbWrite)]
public sealed class EditModel(KnowledgeBase kb, InformationSystems systems, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? BodyMarkdown { get; set; }

    /// <summary>Tags separated by commas (，or ,).</summary>
    [BindProperty]
    public string? Tags { get; set; }

    [BindProperty]
    public long? SystemId { get; set; }

    [BindProperty]
    public long? ExpectedVersion { get; set; }

    public long? Id { get; private set; }

    public string? Code { get; private set; }

    /// <summary>The rendered preview, when asked for; sanitised like the article page.</summary>
    public string? Preview { get; private set; }

    public IReadOnlyList<SystemSummary> Systems { get; private set; } = [];

    /// <summary>The article edited (<c>?id=</c>); none for a new draft.</summary>
    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var article = await kb.FindAsync(existing, cancellationToken);
            if (article is null)
            {
                return NotFound();
            }

            Title = article.Title;
            Summary = article.Summary;
            BodyMarkdown = article.BodyMarkdown;
            Tags = article.Tags;
            SystemId = article.SystemId;
            ExpectedVersion = article.Version;
            Code = article.Code;
        }

        Id = id;
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(long? id, CancellationToken cancellationToken)
    {
        Id = id;
        Preview = KnowledgeMarkdown.Render(BodyMarkdown ?? string.Empty);
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        var input = new KnowledgeInput(Title, Summary, BodyMarkdown, SystemId: SystemId, Tags: Tags?.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries));
        var saved = id is { } existing
            ? await kb.EditAsync(existing, current => input with { CategoryId = current.CategoryId }, a => a.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed), cancellationToken)
            : await kb.CreateAsync(input, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"/servicedesk/kb/{saved.Value!.Id}");
        }

        if (saved.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(saved.Error.Field ?? string.Empty, localizer[saved.Error.Code, saved.Error.Arguments]);
        Id = id;
        Systems = await systems.InServiceAsync(cancellationToken);
        return Page();
    }
}

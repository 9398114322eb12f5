using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Web;

namespace Xinke.Modules.ServiceDesk.Pages;

/// <summary>
/// Base of the service desk's admin pages: each form posts one change, a success redirects back
/// (post/redirect/get), a refusal shows the page again with the message. Each row's form carries
/// the version it was drawn from, so an edit over someone else's newer change is refused.
/// </summary>
public abstract class AdminPage(IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public long? Version { get; set; }

    protected abstract string Path { get; }

    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>A precondition comparing the row's version with the one the form was drawn from.</summary>
    protected Func<T, Error?> Drawn<T>()
        where T : Data.IVersioned =>
        row => row.Version == Version ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    protected async Task<IActionResult> DoneAsync(Error? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return Redirect(Path);
        }

        ModelState.AddModelError(string.Empty, PageErrors.Message(localizer, error));
        await LoadAsync(cancellationToken);
        return Page();
    }
}

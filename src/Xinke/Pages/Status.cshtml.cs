using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Xinke.Pages;

/// <summary>The friendly page behind a page request's error status (404, 403, …).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }

    public string Message(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return Code switch
        {
            StatusCodes.Status404NotFound => localizer["statuspage.404"],
            StatusCodes.Status403Forbidden => localizer["statuspage.403"],
            _ => localizer["statuspage.other", Code],
        };
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Notifications;

namespace Xinke.Pages.Notifications;

/// <summary>The person's e-mail address and, per kind of notification, inbox and e-mail choices.</summary>
public sealed class SettingsModel(NotificationInbox inbox, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<string> InApp { get; set; } = [];

    [BindProperty]
    public List<string> ByEmail { get; set; } = [];

    public IReadOnlyList<KindPreferenceDto> Kinds { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await inbox.SettingsAsync(cancellationToken);
        Email = settings.Email;
        Kinds = settings.Kinds;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var current = await inbox.SettingsAsync(cancellationToken);
        var choices = current.Kinds.Select(k => k with { InApp = InApp.Contains(k.Kind), Email = ByEmail.Contains(k.Kind) }).ToList();
        var saved = await inbox.SaveSettingsAsync(new NotificationSettingsDto(Email, choices), cancellationToken);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError(nameof(Email), localizer[saved.Error!.Code, saved.Error.Arguments]);
            Kinds = choices;
            return Page();
        }

        Kinds = saved.Value!.Kinds;
        Email = saved.Value.Email;
        Saved = true;
        return Page();
    }
}

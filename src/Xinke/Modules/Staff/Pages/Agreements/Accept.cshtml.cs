using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Modules.Staff.Agreements;

namespace Xinke.Modules.Staff.Pages.Agreements;

/// <summary>A person reads the current confidentiality agreement and accepts it; afterwards the page says when.</summary>
public sealed class AcceptModel(AgreementService agreements, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AgreementVersion? Current { get; private set; }

    public AgreementAcceptance? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var accepted = await agreements.AcceptCurrentAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (accepted.Succeeded)
        {
            return Redirect("/staff/agreements/accept");
        }

        ModelState.AddModelError(string.Empty, localizer[accepted.Error!.Code, accepted.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Current = await agreements.CurrentAsync(cancellationToken);
        Mine = Current is null ? null : await agreements.MyAcceptanceOfAsync(Current.Id, cancellationToken);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Account;

/// <summary>Change one's own password: by choice, or because it is new, reset or expired.</summary>
[AllowDuringSetup]
public sealed class PasswordModel(AccountService accounts, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Forced { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Forced = (await current.GetAsync(cancellationToken))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        Forced = caller.MustChangePassword;
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            return Refuse("account.password_mismatch");
        }

        var error = await accounts.ChangeOwnPasswordAsync(caller.Id, CurrentPassword, NewPassword, User.FindFirst(CurrentCaller.SessionClaim)?.Value, cancellationToken);
        if (error is not null)
        {
            return Refuse(error.Code);
        }

        current.Reset();
        var after = await current.GetAsync(cancellationToken);
        return LocalRedirect(after?.MustEnrollMfa == true ? "/account/mfa" : "/?changed=password");
    }

    private PageResult Refuse(string code)
    {
        CurrentPassword = NewPassword = ConfirmPassword = null;
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, localizer[code]);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Account;

[AllowDuringSetup]
public sealed class LogoutModel(LoginService login) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await login.SignOutAsync(HttpContext, cancellationToken);
        return LocalRedirect("/account/login");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinke.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel : PageModel
{
    public void OnGet()
    {
    }
}

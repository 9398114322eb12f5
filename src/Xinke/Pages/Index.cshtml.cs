using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Xinke.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}

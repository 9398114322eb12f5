using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Posts;

namespace Xinke.Modules.Organization.Pages.Posts;

/// <summary>Creates a post with its written responsibilities.</summary>
[RequirePermission(PostsPermissions.Write)]
public sealed class NewModel(ItPosts posts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Responsibilities { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await posts.CreateAsync(new PostInput(Name, Responsibilities), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/organization/posts/{created.Value!.Id}");
        }

        ModelState.AddModelError(created.Error!.Field ?? string.Empty, localizer[created.Error.Code, created.Error.Arguments]);
        return Page();
    }
}

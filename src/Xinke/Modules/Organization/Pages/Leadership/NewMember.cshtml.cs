using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Leadership;

namespace Xinke.Modules.Organization.Pages.Leadership;

/// <summary>Adds an account to the group, found by its user name, in a position from a day.</summary>
[RequirePermission(LeadershipPermissions.Write)]
public sealed class NewMemberModel(LeadershipGroup group, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public GroupPosition Position { get; set; } = GroupPosition.Member;

    [BindProperty]
    public DateOnly? From { get; set; }

    public void OnGet() => From ??= group.Today;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = UserName?.Trim();
        var accountId = string.IsNullOrEmpty(name) ? null : await db.Set<Account>().AsNoTracking().Where(a => a.UserName == name).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
        var added = await group.AddMemberAsync(new MemberInput(accountId, Position.ToString(), From), cancellationToken);
        if (added.Succeeded)
        {
            return RedirectToPage("/Organization/Leadership/Index");
        }

        var field = added.Error!.Field == "accountId" ? nameof(UserName) : string.Empty;
        ModelState.AddModelError(field, localizer[added.Error.Code, added.Error.Arguments]);
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Leadership;

namespace Xinke.Modules.Organization.Pages.Leadership;

/// <summary>Records a meeting of the group as a draft: when, where, who attended, and the minutes so far.</summary>
[RequirePermission(LeadershipPermissions.Write)]
public sealed class NewMeetingModel(LeadershipGroup group, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<long> AttendeeIds { get; set; } = [];

    [BindProperty]
    public string? Minutes { get; set; }

    public IReadOnlyList<MemberDto> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn ??= group.Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await group.CreateMeetingAsync(new MeetingInput(HeldOn, Place, Title, AttendeeIds, Minutes), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/organization/leadership/meetings/{created.Value!.Id}");
        }

        ModelState.AddModelError(created.Error!.Field ?? string.Empty, localizer[created.Error.Code, created.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Members = await LeadershipApi.MemberDtosAsync(group, await group.ActiveMembersAsync(HeldOn ?? group.Today, cancellationToken), cancellationToken);
}

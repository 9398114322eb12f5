using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Leadership;

namespace Xinke.Modules.Organization.Pages.Leadership;

/// <summary>The IT leadership group at a glance: its members, its meetings, and its decisions still being followed up.</summary>
[RequirePermission(LeadershipPermissions.Read)]
public sealed class IndexModel(LeadershipGroup group, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public MeetingStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public bool CanWrite { get; private set; }

    public IReadOnlyList<MemberDto> Members { get; private set; } = [];

    public Page<MeetingDto> Meetings { get; private set; } = new([], null);

    public IReadOnlyList<DecisionDto> OpenDecisions { get; private set; } = [];

    /// <summary>The meetings' filters as a query string, for the export links and the next page.</summary>
    public string Query { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEndMemberAsync(long memberId, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(LeadershipPermissions.Write) != true)
        {
            return Forbid();
        }

        var ended = await group.EndMembershipAsync(memberId, new EndMembershipInput(Until, Reason), cancellationToken);
        if (ended.Succeeded)
        {
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, localizer[ended.Error!.Code, ended.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(LeadershipPermissions.Write) == true;
        var members = LeadershipApi.FilterMembers(group, new MemberFilter()).OrderBy(m => m.Until != null).ThenBy(m => m.Position).ThenBy(m => m.From).ToList();
        Members = await LeadershipApi.MemberDtosAsync(group, members, cancellationToken);

        var meetings = LeadershipApi.FilterMeetings(group, new MeetingFilter(Status?.ToString()), Q);
        if (meetings.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await LeadershipApi.MeetingList.PageAsync(meetings.Value!, request, MeetingDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await LeadershipApi.MeetingList.PageAsync(meetings.Value!, request with { Cursor = null }, MeetingDto.From, cancellationToken);
            }

            Meetings = page.Value!;
        }

        var today = group.Today;
        var decisions = LeadershipApi.FilterDecisions(group, new DecisionFilter(Open: true, Overdue: Overdue ? true : null), null).Value!;
        var open = await LeadershipApi.DecisionList.PageAsync(decisions, new ListRequest(Limit: ListRequest.MaxLimit), d => DecisionDto.From(d, today), cancellationToken);
        OpenDecisions = open.Value!.Items;
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;

namespace Xinke.Pages.Approvals;

/// <summary>The inbox: requests waiting for the caller's decision, decided here; and the requests the caller asked for.</summary>
public sealed class IndexModel(ApprovalService approvals, CurrentCaller current, HospitalClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string RequestedTab = "requested";

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public bool ShowingRequested => Tab == RequestedTab;

    public IReadOnlyList<ApprovalDto> Items { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public int WaitingCount { get; private set; }

    public HospitalClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        return loaded ? Page() : BadRequest();
    }

    public Task<IActionResult> OnPostApproveAsync(long id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(id, ApprovalVerdict.Approve, comment, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(id, ApprovalVerdict.Reject, comment, cancellationToken);

    private async Task<IActionResult> DecideAsync(long id, ApprovalVerdict verdict, string? comment, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var decided = await approvals.DecideAsync(id, caller, verdict, comment, cancellationToken);
        if (decided.Succeeded)
        {
            return RedirectToPage(new { tab = (string?)null });
        }

        ModelState.AddModelError(string.Empty, localizer[decided.Error!.Code, decided.Error.Arguments]);
        Tab = null;
        Cursor = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var scope = ShowingRequested ? ApprovalListScope.Requested : ApprovalListScope.Pending;
        var page = await approvals.ListAsync(caller, scope, new ListRequest(Limit: 50, Cursor: Cursor), cancellationToken);
        if (!page.Succeeded)
        {
            return false;
        }

        Items = await approvals.DescribeAsync(page.Value!.Items, cancellationToken);
        NextCursor = page.Value.NextCursor;
        WaitingCount = await approvals.CountWaitingAsync(caller, cancellationToken);
        return true;
    }
}

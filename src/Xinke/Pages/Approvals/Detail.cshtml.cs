using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;

namespace Xinke.Pages.Approvals;

/// <summary>One request: its subject, steps and decisions; the forms its approver or requester may use now.</summary>
public sealed class DetailModel(ApprovalService approvals, CurrentCaller current, HospitalClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public ApprovalDto? Approval { get; private set; }

    public bool CanDecide { get; private set; }

    public bool CanWithdraw { get; private set; }

    public HospitalClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(long id, string? comment, CancellationToken cancellationToken) =>
        ActAsync(id, caller => approvals.DecideAsync(id, caller, ApprovalVerdict.Approve, comment, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long id, string? comment, CancellationToken cancellationToken) =>
        ActAsync(id, caller => approvals.DecideAsync(id, caller, ApprovalVerdict.Reject, comment, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, caller => approvals.WithdrawAsync(id, caller, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(long id, Func<Caller, Task<Result<ApprovalRequest>>> action, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var done = await action(caller);
        if (done.Succeeded)
        {
            return RedirectToPage(new { id });
        }

        if (done.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, localizer[done.Error.Code, done.Error.Arguments]);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var request = await approvals.FindVisibleAsync(id, caller, cancellationToken);
        if (request is null)
        {
            return false;
        }

        Approval = (await approvals.DescribeAsync([request], cancellationToken))[0];
        CanDecide = await approvals.CanDecideAsync(request, caller, cancellationToken);
        CanWithdraw = request.RequesterId == caller.Id && request.State == ApprovalState.Pending;
        return true;
    }
}

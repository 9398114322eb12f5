using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// Tells the approvers of a step that a request waits for them, and the requester how it ended.
/// The notices are queued in the decision's own unit of work, so they exist exactly when the
/// decision does.
/// </summary>
public sealed class ApprovalNotices(XinkeDb db, Notifier notifier)
{
    public const string WaitingKind = "approval.waiting";
    public const string ClosedKind = "approval.closed";

    public async Task WaitingAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ActiveStep is not { } step)
        {
            return;
        }

        var decided = request.Decisions.Select(d => d.AccountId).ToHashSet();
        var approvers = (await ApproversAsync(request, step, cancellationToken)).Where(a => a != request.RequesterId && !decided.Contains(a)).ToList();
        if (approvers.Count == 0)
        {
            return;
        }

        var title = notifier.Text("notice.approval.waiting", request.Code, request.SubjectSummary);
        await notifier.NotifyAsync(new NotificationMessage(WaitingKind, title, request.SubjectCode, WorkflowServices.InboxPath), approvers, cancellationToken);
    }

    public async Task ClosedAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = notifier.Text($"approval.state.{request.State.ToString().ToLowerInvariant()}");
        var title = notifier.Text("notice.approval.closed", request.Code, request.SubjectSummary, state);
        var link = string.Create(CultureInfo.InvariantCulture, $"{WorkflowServices.InboxPath}/{request.Id}");
        await notifier.NotifyAsync(new NotificationMessage(ClosedKind, title, request.SubjectCode, link), [request.RequesterId], cancellationToken);
    }

    /// <summary>The active accounts who qualify for the step now (the same rule <see cref="ApproverMatch"/> applies to a caller).</summary>
    private async Task<List<long>> ApproversAsync(ApprovalRequest request, ApprovalStep step, CancellationToken cancellationToken)
    {
        if (step.AccountId is { } named)
        {
            return [named];
        }

        var grants = await (
            from assignment in db.Set<RoleAssignment>()
            join account in db.Set<Account>() on assignment.AccountId equals account.Id
            where account.State == AccountState.Active
                && db.Set<RolePermissionEntry>().Any(p => p.RoleId == assignment.RoleId && p.Permission == step.Permission)
            select new { assignment.AccountId, assignment.DepartmentId }).ToListAsync(cancellationToken);
        if (!step.DepartmentLimited)
        {
            return [.. grants.Select(g => g.AccountId).Distinct()];
        }

        var path = request.SubjectDepartmentId is { } department
            ? await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken)
            : null;
        return [.. grants.Where(g => g.DepartmentId is null || (path is not null && path.Contains($"/{g.DepartmentId}/", StringComparison.Ordinal))).Select(g => g.AccountId).Distinct()];
    }
}

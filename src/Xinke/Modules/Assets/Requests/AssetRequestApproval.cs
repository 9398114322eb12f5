using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Workflow;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// What the department head's decision on a device request does (the request is approved for IT
/// to fulfil, or it ends), telling the requester; and its veto of the requester as an approver.
/// </summary>
public sealed class AssetRequestApproval(XinkeDb db, Notifier notifier, TimeProvider clock) : IApprovalOutcomeHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [AssetRequests.ApprovalKind];

    public Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, AssetRequestStatus.Approved, "notice.asset_request.approved", cancellationToken);

    public Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, AssetRequestStatus.Rejected, "notice.asset_request.rejected", cancellationToken);

    public Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, AssetRequestStatus.Cancelled, null, cancellationToken);

    public Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, AssetRequestStatus.Expired, "notice.asset_request.expired", cancellationToken);

    /// <summary>
    /// Neither the person the devices are for nor whoever filed the request may decide it (EQ-02: the
    /// supervisor approves). The kernel already refuses the approval's own requester; this covers the
    /// person an engineer filed for.
    /// </summary>
    public async Task<Error?> RefuseApproverAsync(ApprovalRequest request, long accountId, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(request, cancellationToken);
        return subject.IsRequester(accountId) ? Error.Conflict(AssetRequestErrors.SelfApproval, AssetRequestErrors.Requirement) : null;
    }

    private async Task<Error?> CloseAsync(ApprovalRequest approval, AssetRequestStatus outcome, string? noticeKey, CancellationToken cancellationToken)
    {
        var request = await SubjectAsync(approval, cancellationToken);
        if (request.Decide(outcome, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        if (noticeKey is not null)
        {
            var message = new NotificationMessage(AssetRequests.DecidedKind, notifier.Text(noticeKey, request.Code), request.Purpose, AssetRequests.Link(request.Id));
            await notifier.NotifyAsync(message, AssetRequests.Requesters(request), cancellationToken);
        }

        return null;
    }

    private Task<AssetRequest> SubjectAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = long.Parse(request.SubjectId, CultureInfo.InvariantCulture);
        return db.Set<AssetRequest>().SingleAsync(r => r.Id == id, cancellationToken);
    }
}

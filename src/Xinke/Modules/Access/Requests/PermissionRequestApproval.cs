using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Requests;

/// <summary>What the approval of a permission request does: on approval the grant, otherwise the request closes ungranted.</summary>
public sealed class PermissionRequestApproval(XinkeDb db, PermissionGrants grants, PeopleDirectory people, TimeProvider clock) : IApprovalOutcomeHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [PermissionRequests.ApprovalKind];

    public async Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await SubjectAsync(request, cancellationToken);
        // The grant happens on the decision of the last approver, who may not be the receiving account (identity.self_grant).
        var lastApprover = request.Decisions.Where(d => d.Verdict == ApprovalVerdict.Approve)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id == 0 ? long.MaxValue : d.Id).Select(d => (long?)d.AccountId).LastOrDefault();
        return await grants.GrantAsync(subject, lastApprover, cancellationToken);
    }

    /// <summary>Nobody approves a grant to themselves, at any step: the account the role would go to is refused as an approver.</summary>
    public async Task<Error?> RefuseApproverAsync(ApprovalRequest request, long accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = await SubjectAsync(request, cancellationToken);
        var person = await people.FindAsync(subject.PersonId, cancellationToken);
        return person?.AccountId == accountId ? Error.Conflict(AccessErrors.SelfApproval, AccessErrors.Granting) : null;
    }

    public Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, PermissionRequestStatus.Rejected, cancellationToken);

    public Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, PermissionRequestStatus.Withdrawn, cancellationToken);

    public Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => CloseAsync(request, PermissionRequestStatus.Expired, cancellationToken);

    private async Task<Error?> CloseAsync(ApprovalRequest request, PermissionRequestStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (await SubjectAsync(request, cancellationToken)).CloseUngranted(status, clock.GetUtcNow().UtcDateTime);
        return null;
    }

    private Task<PermissionRequest> SubjectAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        var id = long.Parse(request.SubjectId, CultureInfo.InvariantCulture);
        return db.Set<PermissionRequest>().SingleAsync(r => r.Id == id, cancellationToken);
    }
}

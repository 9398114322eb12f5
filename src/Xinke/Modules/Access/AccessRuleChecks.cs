using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Modules.Access.Requests;

namespace Xinke.Modules.Access;

/// <summary>ACC-02: every permission that was granted went through its own approval, decided by someone other than its requester.</summary>
public sealed class AccessRuleChecks(XinkeDb db) : IRecordRuleCheck
{
    public string Area => "access";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var granted = await db.Set<PermissionRequest>().AsNoTracking()
            .Where(r => r.Status == PermissionRequestStatus.Granted || r.Status == PermissionRequestStatus.Ended || r.Status == PermissionRequestStatus.Revoked)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Code, r.RequesterId, r.ApprovalId }).ToListAsync(cancellationToken);
        var approvals = await ApprovalFacts.OfAsync(db, [.. granted.Where(r => r.ApprovalId is not null).Select(r => r.ApprovalId!.Value)], cancellationToken);
        foreach (var request in granted)
        {
            if (request.ApprovalId is not { } id || !approvals.TryGetValue(id, out var approval) || !approval.ApprovedByOthersThan(request.RequesterId))
            {
                yield return new RuleViolation(AccessErrors.Granting, request.Code, "Granted without an approval decided by someone other than the requester.");
            }
            else if (!approval.IsFor(PermissionRequests.ApprovalKind, request.Id))
            {
                yield return new RuleViolation(AccessErrors.Granting, request.Code, $"Its approval {approval.Code} was opened for another record.");
            }
        }
    }
}

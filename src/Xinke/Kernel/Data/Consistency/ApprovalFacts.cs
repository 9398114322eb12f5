using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Workflow;

namespace Xinke.Kernel.Data.Consistency;

/// <summary>What the approvals kernel recorded about a request: its kind and subject, its state, who asked, who decided.</summary>
public sealed record ApprovalFact(long Id, string Code, string Kind, string SubjectId, ApprovalState State, long RequesterId, IReadOnlyList<long> DeciderIds)
{
    /// <summary>
    /// Opened by the flow of <paramref name="kind"/> for the record <paramref name="subjectId"/>: an approval of
    /// one record pointed at by another proves nothing about the second.
    /// </summary>
    public bool IsFor(string kind, long subjectId) => Kind == kind && SubjectId == subjectId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Approved, and decided only by people other than <paramref name="requester"/> (nobody approves their own request).</summary>
    public bool ApprovedByOthersThan(long requester) => State == ApprovalState.Approved && DeciderIds.Count > 0 && !DeciderIds.Contains(requester);
}

/// <summary>Reads approval requests and their decisions for the record checks, many at a time.</summary>
public static class ApprovalFacts
{
    public static async Task<Dictionary<long, ApprovalFact>> OfAsync(XinkeDb db, IReadOnlyCollection<long> approvalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var facts = new Dictionary<long, ApprovalFact>();
        foreach (var chunk in approvalIds.Distinct().Chunk(500))
        {
            var requests = await db.Set<ApprovalRequest>().AsNoTracking().Where(r => chunk.Contains(r.Id))
                .Select(r => new { r.Id, r.Code, r.Kind, r.SubjectId, r.State, r.RequesterId }).ToListAsync(cancellationToken);
            var deciders = (await db.Set<ApprovalDecision>().AsNoTracking().Where(d => chunk.Contains(d.RequestId))
                .Select(d => new { d.RequestId, d.AccountId }).ToListAsync(cancellationToken))
                .ToLookup(d => d.RequestId, d => d.AccountId);
            foreach (var r in requests)
            {
                facts[r.Id] = new ApprovalFact(r.Id, r.Code, r.Kind, r.SubjectId, r.State, r.RequesterId, [.. deciders[r.Id]]);
            }
        }

        return facts;
    }
}

using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Workflow;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// EQ-02 as the records show it: every device request from which IT handed out a device in the
/// period had been approved (its approval closed approved) before the first device went out.
/// Graded by share; the answer links each request short of it.
/// </summary>
public sealed class AssetRequestEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.eq02.requests";
    private const int MaxLinks = 50;
    private static readonly EvidenceLink Requests = new("nav.asset_requests", "/assets/requests");

    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-02"];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = db.Set<AssetRequestItem>().AsNoTracking();
        var inPeriod = items.Where(i => i.FulfilledAt >= query.StartUtc && i.FulfilledAt < query.EndUtc && i.FulfilledAt <= query.AsOf);
        var requests = db.Set<AssetRequest>().AsNoTracking().Where(r => inPeriod.Any(i => i.RequestId == r.Id));
        if (await AssetEvidenceDepartments.InsideAsync(db, query.DepartmentId, cancellationToken) is { } inside)
        {
            requests = requests.Where(r => inside.Contains(r.DepartmentId));
        }

        var rows = await requests
            .OrderBy(r => r.Code)
            .Select(r => new
            {
                r.Id,
                r.Code,
                FirstOut = items.Where(i => i.RequestId == r.Id).Min(i => i.FulfilledAt),
                ApprovedAt = db.Set<ApprovalRequest>().Where(a => a.Id == r.ApprovalId && a.State == ApprovalState.Approved).Select(a => a.ClosedAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var unapproved = rows.Where(r => r.ApprovedAt is not { } approved || approved > r.FirstOut).ToList();
        var compliant = rows.Count - unapproved.Count;
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, rows.Count),
            new EvidenceReason(ReasonKey, compliant, rows.Count),
            [Requests, .. unapproved.Take(MaxLinks).Select(r => new EvidenceLink(r.Code, AssetRequests.Link(r.Id)))]);
    }
}

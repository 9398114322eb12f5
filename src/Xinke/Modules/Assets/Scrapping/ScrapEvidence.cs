using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Scrapping;

/// <summary>
/// EQ-06 as the records show it: every device scrapped in the period went through a completed
/// scrapping whose appraisal recommended it before the scrapping started and whose approval closed
/// approved; a device that held data has its destruction record (method, who, certificate). A device
/// marked scrapped without such a scrapping counts against it. Graded by share; each device short of
/// it is linked.
/// </summary>
public sealed class ScrapEvidence(XinkeDb db, RequirementCatalogue catalogue) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.eq06.scrappings";
    private const int MaxLinks = 50;

    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-06"];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var completed = db.Set<AssetScrapping>().AsNoTracking().Where(s => s.Status == ScrappingStatus.Completed);
        var assets = db.Set<Asset>().AsNoTracking();
        if (await AssetEvidenceDepartments.InsideAsync(db, query.DepartmentId, cancellationToken) is { } inside)
        {
            assets = assets.Where(a => inside.Contains(a.OwningDepartmentId));
        }

        var scrapped = await (from scrapping in completed
                              join asset in assets on scrapping.AssetId equals asset.Id
                              where scrapping.CompletedAt >= query.StartUtc && scrapping.CompletedAt < query.EndUtc && scrapping.CompletedAt <= query.AsOf
                              orderby asset.Tag
                              select new
                              {
                                  asset.Id,
                                  asset.Tag,
                                  Appraised = db.Set<AssetAppraisal>().Any(a => a.Id == scrapping.AppraisalId && a.AssetId == asset.Id
                                      && a.Recommendation == AppraisalRecommendation.Scrap && a.AppraisedAt <= scrapping.StartedAt),
                                  Approved = db.Set<ApprovalRequest>().Any(a => a.Id == scrapping.ApprovalId && a.State == ApprovalState.Approved),
                                  Destroyed = !asset.HoldsData || (scrapping.DataDestructionMethod != null && scrapping.DataDestroyedBy != null && scrapping.CertificateAttachmentId != null),
                              })
            .ToListAsync(cancellationToken);

        // A device that reached Scrapped in the period with no completed scrapping behind it skipped the rule altogether.
        var unrecorded = await assets
            .Where(a => a.Status == AssetStatus.Scrapped && a.UpdatedAt >= query.StartUtc && a.UpdatedAt < query.EndUtc && a.UpdatedAt <= query.AsOf && !completed.Any(s => s.AssetId == a.Id))
            .OrderBy(a => a.Tag)
            .Select(a => new { a.Id, a.Tag })
            .ToListAsync(cancellationToken);

        var shortOf = scrapped.Where(s => !s.Appraised || !s.Approved || !s.Destroyed).Select(s => (s.Id, s.Tag)).Concat(unrecorded.Select(a => (a.Id, a.Tag))).ToList();
        var total = scrapped.Count + unrecorded.Count;
        var compliant = total - shortOf.Count;
        return new EvidenceAnswer(
            requirementId,
            EvidenceGrades.ByShare(catalogue, requirementId, compliant, total),
            new EvidenceReason(ReasonKey, compliant, total),
            [new EvidenceLink("nav.assets", "/assets"), .. shortOf.Take(MaxLinks).Select(a => new EvidenceLink(a.Tag, string.Create(CultureInfo.InvariantCulture, $"/assets/{a.Id}")))]);
    }
}
